// The Content-Security-Policy the page is written for, shared by `make dist`'s headers files and
// the test server: no inline script or style, wasm allowed, nothing from elsewhere. Each adds
// `frame-ancestors` for the page it serves (any site may frame the widget's embed.html).
export const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
