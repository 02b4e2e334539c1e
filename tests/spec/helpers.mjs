// The shared cases (written by tests/test_spec.py from Python's rules) and the modules the
// pages load (generator/assets/, or HB_ASSETS: a copy the Python test breaks on purpose).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export function cases(name) {
  return JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), "utf-8"));
}

export function asset(name) {
  const folder = process.env.HB_ASSETS
    ? pathToFileURL(process.env.HB_ASSETS + "/").href
    : new URL("../../generator/assets/", import.meta.url).href;
  return import(new URL(name, folder).href);
}
