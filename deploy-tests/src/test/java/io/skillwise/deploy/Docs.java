package io.skillwise.deploy;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tables, code blocks, headings and links of the documentation, read with a Markdown parser: the docs must say what
 * the deployment and the code say.
 */
public final class Docs {

    private Docs() {
    }

    /**
     * The rows (without the header) of the first table after the heading with this text in a document of docs/;
     * each cell as plain text (code spans included, markup dropped).
     */
    public static List<List<String>> table(String document, String heading) {
        return table(document, heading, 0);
    }

    /** The rows of the n-th table (from 0) after the heading. */
    public static List<List<String>> table(String document, String heading, int index) {
        Node root = parse(document);
        boolean found = false;
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h && text(h).equals(heading)) {
                found = true;
            } else if (found && node instanceof Heading) {
                break;
            } else if (found && node instanceof TableBlock table && index-- == 0) {
                return rows(table);
            }
        }
        throw new AssertionError(document + " has no table under the heading '" + heading + "'");
    }

    private static List<List<String>> rows(TableBlock table) {
        List<List<String>> rows = new ArrayList<>();
        table.accept(new AbstractVisitor() {
            @Override
            public void visitChildren(Node parent) {
                if (parent instanceof TableRow row && !(row.getParent() instanceof org.commonmark.ext.gfm.tables.TableHead)) {
                    List<String> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        cells.add(text(cell).strip());
                    }
                    rows.add(cells);
                    return;
                }
                super.visitChildren(parent);
            }
        });
        return rows;
    }

    static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    /** A fenced code block and the text of the nearest heading above it. */
    public record Block(String heading, String code) {
    }

    /** The fenced blocks of a document whose info string is {@code info} (e.g. {@code mermaid}), in order. */
    public static List<Block> fencedBlocks(String document, String info) {
        List<Block> blocks = new ArrayList<>();
        String heading = "";
        for (Node node = parse(document).getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h) {
                heading = text(h);
            } else if (node instanceof FencedCodeBlock block && info.equals(block.getInfo().strip())) {
                blocks.add(new Block(heading, block.getLiteral()));
            }
        }
        return blocks;
    }

    /** The one {@code info} block under the heading with this text. */
    public static Block fencedBlockUnder(String document, String heading, String info) {
        List<Block> blocks = fencedBlocks(document, info).stream().filter(b -> b.heading().equals(heading)).toList();
        if (blocks.size() != 1) {
            throw new AssertionError(
                    document + " has " + blocks.size() + " " + info + " blocks under '" + heading + "'");
        }
        return blocks.getFirst();
    }

    /** The destinations of every link of a document, as written. */
    public static List<String> links(String document) {
        List<String> links = new ArrayList<>();
        parse(document).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
            }
        });
        return links;
    }

    private static Node parse(String document) {
        return Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(Repository.read(document));
    }

    /** The anchors GitHub gives the headings of a document: lower case, punctuation dropped, spaces as hyphens. */
    public static Set<String> anchors(String document) {
        Set<String> anchors = new HashSet<>();
        parse(document).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                anchors.add(text(heading).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'));
            }
        });
        return anchors;
    }

    /** The cell's comma-separated list. */
    public static List<String> list(String cell) {
        return java.util.Arrays.stream(cell.split(",")).map(String::strip).toList();
    }

}
