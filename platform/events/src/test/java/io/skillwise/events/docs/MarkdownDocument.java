package io.skillwise.events.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableHead;
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

/** A page of the repository's documentation, read with a Markdown parser (never searched as text). */
final class MarkdownDocument {

    /** A fenced code block and the text of the nearest heading above it. */
    record Block(String heading, String info, String code) {
    }

    private final String name;
    private final Node root;

    private MarkdownDocument(String name, Node root) {
        this.name = name;
        this.root = root;
    }

    /** The repository's root directory (the build passes it; a module's tests run two levels below it). */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("skillwise.home", "../.."));
    }

    /** A document by its path from the repository root, e.g. {@code docs/diagrams.md}. */
    static MarkdownDocument read(String relativePath) {
        Path file = repositoryRoot().resolve(relativePath);
        try {
            Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
            return new MarkdownDocument(relativePath, parser.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fenced blocks whose info string is {@code info}, in document order. */
    List<Block> fencedBlocks(String info) {
        List<Block> blocks = new ArrayList<>();
        String heading = "";
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h) {
                heading = text(h);
            } else if (node instanceof FencedCodeBlock block && info.equals(block.getInfo().strip())) {
                blocks.add(new Block(heading, info, block.getLiteral()));
            }
        }
        return blocks;
    }

    /** The one {@code info} block under the heading with this text. */
    Block fencedBlockUnder(String heading, String info) {
        List<Block> blocks = fencedBlocks(info).stream().filter(block -> block.heading().equals(heading)).toList();
        if (blocks.size() != 1) {
            throw new AssertionError(name + " has " + blocks.size() + " " + info + " blocks under '" + heading + "'");
        }
        return blocks.getFirst();
    }

    /** The body rows of the first table under the heading with this text, each cell as plain text. */
    List<List<String>> tableUnder(String heading) {
        boolean under = false;
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h) {
                under = text(h).equals(heading);
            } else if (under && node instanceof TableBlock table) {
                return rows(table);
            }
        }
        throw new AssertionError(name + " has no table under the heading '" + heading + "'");
    }

    /** The destinations of every link, as written. */
    List<String> links() {
        List<String> links = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
            }
        });
        return links;
    }

    /** The anchors GitHub gives the headings: lower case, punctuation dropped, spaces as hyphens. */
    Set<String> anchors() {
        Set<String> anchors = new TreeSet<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                anchors.add(text(heading).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'));
            }
        });
        return anchors;
    }

    private static List<List<String>> rows(TableBlock table) {
        List<List<String>> rows = new ArrayList<>();
        table.accept(new AbstractVisitor() {
            @Override
            public void visitChildren(Node parent) {
                if (parent instanceof TableRow row && !(row.getParent() instanceof TableHead)) {
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

    private static String text(Node node) {
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
}
