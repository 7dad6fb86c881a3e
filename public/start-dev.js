// Starts Trunk's development build (app/index.html), whose glue and wasm
// names carry a hash: Trunk writes them into this script's tag (see
// pattern_script in Trunk.toml), in place of the inline starter it would
// write otherwise, which the page's Content-Security-Policy refuses.
var tag = document.querySelector("script[data-samizdat-start]");
var glue = new URL(tag.dataset.js, document.baseURI);
var wasm = new URL(tag.dataset.wasm, document.baseURI);
import(glue.href).then(function (bindings) {
  return bindings.default({ module_or_path: wasm });
});
