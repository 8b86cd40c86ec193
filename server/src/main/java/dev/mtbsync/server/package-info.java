/**
 * The local dashboard: a Javalin server over a batch root (routes, the SSE telemetry hub, file
 * serving). It only calls the engine in {@code core}; pages come from {@code templates/}, static
 * assets from {@code web/}.
 *
 * <p>Its packages form layers that only point down; {@code LayeringTest} fails the build on any
 * package cycle and on a sub-package that reaches back into this one. Lowest first, each with the
 * packages of the server it may use (each package's {@code package-info.java} says what it holds):
 *
 * <pre>
 * json       the dashboard's JSON mapper                              nothing of the server
 * sse        server-sent events hub                                   nothing of the server
 * files      the root, paths inside it, downloads                     nothing of the server
 * html       SVG charts and HTML pieces                               nothing of the server
 * artefacts  views of run artefacts                                   files
 * compare    a comparison of two rides                                artefacts, files
 * render     comparison-video jobs                                    json, sse
 * perf       perf.json index, history, watcher                        json, sse, files, artefacts
 * quality    the benchmark page                                       html
 * site       settings and the shared handler context                  compare, files, perf, render, sse
 * pages      HTML pages, one model per template                       site and below
 * api        routes under /api                                        site and below
 * uploads    tus uploads and the sync they start                      pages, site and below
 * (this)     DashboardServer: wires routes, guards, error mapping      all of the above
 * </pre>
 */
package dev.mtbsync.server;
