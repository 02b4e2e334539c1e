// A programme's QR code: what it carries (the whole link, the link without its note, or
// nothing) and its drawing, with the vendored qrcode-generator (assets/vendor/qrcode.js, a
// classic script loaded before the modules). The printed size and the smallest module are the
// page's rules (pages/builder.py: qr).
const SVG = "http://www.w3.org/2000/svg";

// The QR code of `text`, or null when no code holds it.
function matrix(text) {
  const code = globalThis.qrcode(0, "M");
  try {
    code.addData(text, "Byte");
    code.make();
  } catch (error) {
    return null; // longer than a version 40 code holds
  }
  return code;
}

// A module of the code printed at the card's size, in mm (border included, as printed).
export function moduleMm(rule, code) {
  return rule.mm / (code.getModuleCount() + 2 * rule.border);
}

// What the card's code carries: the whole link if its modules print at least as large as
// the README promises; else the link without the note ("bare"); else no code at all.
export function qrChoice(rule, link, bare) {
  const readable = (text) => {
    const code = text ? matrix(text) : null;
    return code && moduleMm(rule, code) >= rule.min_module_mm ? code : null;
  };
  const whole = readable(link);
  if (whole) return { kind: "whole", text: link, code: whole };
  const without = bare && bare !== link ? readable(bare) : null;
  if (without) return { kind: "bare", text: bare, code: without };
  return { kind: "none", text: "", code: null };
}

export function qrCode(rule, title, code) {
  const count = code.getModuleCount();
  const size = count + 2 * rule.border;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "hb-qr");
  svg.setAttribute("role", "img");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.dataset.version = String((count - 17) / 4);
  const label = document.createElementNS(SVG, "title");
  label.textContent = title;
  const paper = document.createElementNS(SVG, "rect");
  paper.setAttribute("width", String(size));
  paper.setAttribute("height", String(size));
  paper.setAttribute("fill", "#fff");
  let d = "";
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (code.isDark(row, col)) d += `M${col + rule.border} ${row + rule.border}h1v1h-1z`;
    }
  }
  const ink = document.createElementNS(SVG, "path");
  ink.setAttribute("d", d);
  ink.setAttribute("fill", "#000");
  svg.append(label, paper, ink);
  return svg;
}
