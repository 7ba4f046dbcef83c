package io.bedside.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is for, as the application routes it: decoded and normalised by the
 * container, without path parameters or the context path. Every rule that a path decides (which
 * security chain, which body limit) reads it here, never the raw request URI, so that another
 * spelling of a path cannot land in a different rule than the handler it reaches.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    public static String of(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }

    public static boolean isApi(HttpServletRequest request) {
        return of(request).startsWith("/api/");
    }
}
