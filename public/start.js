// Starts the release build's client (app/release.html): the glue and the
// wasm sit beside this file under fixed names.
import init from "./app.js";
init({ module_or_path: new URL("./app_bg.wasm", import.meta.url) });
