package io.skillwise.systemtests;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps of a tutorial page (docs/testing.md#executed-tutorials): its {@code bash} code blocks in order, read with
 * a Markdown parser. An HTML comment, which readers do not see, right after a block says what its output must show:
 * {@code <!-- tutorial: expect TEXT -->} (the output contains TEXT) or {@code <!-- tutorial: eventually TEXT -->}
 * (the block is run again until it does, for what the platform does a moment later through Kafka). One right before
 * a block, {@code <!-- tutorial: skip -->}, leaves it out (starting the platform, which the test does itself).
 */
record Tutorial(List<Step> steps) {

    private static final String MARK = "tutorial:";

    /** How a step's output is checked. */
    enum Check { NONE, EXPECT, EVENTUALLY }

    /** One code block, where it starts in the page (1-based line), and what its output must contain. */
    record Step(int line, String code, Check check, String expected) {
    }

    static Tutorial parse(String markdown) {
        Node document = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build().parse(markdown);
        List<Step> steps = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (!"bash".equals(firstWord(block.getInfo())) || directive(block.getPrevious())
                        .map(Tutorial::firstWord).filter("skip"::equals).isPresent()) {
                    return;
                }
                int line = block.getSourceSpans().getFirst().getLineIndex() + 1;
                String after = directive(block.getNext()).orElse("");
                String keyword = firstWord(after);
                String expected = after.substring(keyword.length()).strip();
                Check check = switch (keyword) {
                    case "expect" -> Check.EXPECT;
                    case "eventually" -> Check.EVENTUALLY;
                    case "" -> Check.NONE;
                    default -> throw new IllegalArgumentException("line " + line + ": unknown tutorial directive '"
                            + after + "'");
                };
                if (check != Check.NONE && expected.isEmpty()) {
                    throw new IllegalArgumentException("line " + line + ": '" + keyword + "' names no text");
                }
                steps.add(new Step(line, block.getLiteral(), check, expected));
            }
        });
        return new Tutorial(List.copyOf(steps));
    }

    private static String firstWord(String text) {
        String stripped = text == null ? "" : text.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }

    /** The text after {@code tutorial:} of an HTML comment block, if {@code node} is one. */
    private static Optional<String> directive(Node node) {
        if (!(node instanceof HtmlBlock html)) {
            return Optional.empty();
        }
        String text = html.getLiteral().strip();
        if (!text.startsWith("<!--") || !text.endsWith("-->")) {
            return Optional.empty();
        }
        String inner = text.substring(4, text.length() - 3).strip();
        return inner.startsWith(MARK) ? Optional.of(inner.substring(MARK.length()).strip()) : Optional.empty();
    }
}
