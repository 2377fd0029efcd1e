package io.skillwise.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Caps request bodies before anything reads them: a declared {@code Content-Length} over the route's limit is
 * answered 413 at once (before authentication, so a large body costs nothing), and a body without a declared length
 * fails with {@link RequestBodyTooLargeException} as soon as it grows past the limit while it is read. Multipart
 * uploads are parsed by the servlet container itself, which holds {@code spring.servlet.multipart.*}; the kit sets
 * those to the same 1 MB and each upload route raises both.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private record Route(PathPattern pattern, long limit) {
    }

    private final long defaultLimit;
    private final List<Route> uploads;
    private final JsonMapper json;

    RequestBodyLimitFilter(RequestBodyProperties properties, JsonMapper json) {
        this.defaultLimit = properties.maxRequestBody().toBytes();
        this.uploads = properties.uploads().stream()
                .map(upload -> new Route(PathPatternParser.defaultInstance.parse(upload.path()),
                        upload.maxSize().toBytes()))
                .toList();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared >= 0 && declared <= defaultLimit) {
            chain.doFilter(request, response);
            return;
        }
        boolean streamed = declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (declared < 0 && !streamed) {
            chain.doFilter(request, response);
            return;
        }
        long limit = limitFor(request.getRequestURI());
        if (declared > limit) {
            Problems.write(request, response, json, HttpStatus.CONTENT_TOO_LARGE, "too-large",
                    "The request body is larger than this operation takes (" + limit + " bytes).");
            return;
        }
        chain.doFilter(streamed ? new LimitedRequest(request, limit) : request, response);
    }

    long limitFor(String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Route upload : uploads) {
            if (upload.pattern().matches(container)) {
                return upload.limit();
            }
        }
        return defaultLimit;
    }

    /** The request with a body that refuses to be read past {@code limit} bytes. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws RequestBodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
