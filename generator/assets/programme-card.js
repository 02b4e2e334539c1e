// A programme's card, from the generator's <template> elements (the routine cards' own
// macros): cloned, with text set by textContent, never markup. Its layout is cards.py's rule
// (fit.js), its time plan.py's (steps.js), its words words.py's (words.js).
import { chooseFit } from "./fit.js";
import { clone, local, programmeMinutes } from "./page.js";
import { qrChoice, qrCode } from "./qr.js";
import { capitalised } from "./words.js";

// The card of a programme (`view`), for the entries that are in the handbook.
export function card(W, view, catalogue, root) {
  const entries = view.entries.filter((entry) => entry.exercise);
  const fit = chooseFit(W, entries, view.times, view.note, catalogue.card, W.rules.card_extra_mm);
  const sheet = clone("hb-tpl-card");
  sheet.classList.replace("hb-layout-large", `hb-layout-${fit.layout}`);
  const meta = sheet.querySelector(".hb-card-meta");
  const [time, often] = meta.querySelectorAll("strong");
  time.textContent = capitalised(W.minutesWords(programmeMinutes(W, entries)));
  meta.childNodes[1].nodeValue = ` \u00b7 ${W.messageCount("exercises", entries.length)} \u00b7 `;
  often.textContent = W.frequencyWords({ times_per_day: view.times, days_per_week: view.days });
  const list = sheet.querySelector(".hb-card-items");
  entries.forEach((entry, number) => {
    const item = clone("hb-tpl-item");
    const picture = item.querySelector("img");
    picture.src = local(entry.exercise.picture.url, catalogue, root);
    picture.alt = entry.exercise.picture.alt;
    item.querySelector(".hb-card-number").textContent = String(number + 1);
    item.querySelector("h2").lastChild.nodeValue = " " + entry.exercise.name;
    item.querySelector(".hb-card-dose strong").textContent = W.dosageWords(entry.dosage, true);
    const steps = item.querySelector(".hb-card-steps");
    if (fit.layout === "large" && fit.steps) {
      const step = steps.firstElementChild;
      for (const text of entry.exercise.steps) {
        const line = step.cloneNode(true);
        line.textContent = text;
        steps.append(line);
      }
      step.remove();
    } else {
      steps.remove();
    }
    const tip = item.querySelector(".hb-card-tip");
    if (fit.layout === "large" && !fit.steps) tip.lastChild.nodeValue = " " + entry.exercise.cues[0];
    else tip.remove();
    const cautions = entry.exercise.warnings.concat(fit.all_cautions ? entry.exercise.cautions : []);
    const care = item.querySelector(".hb-card-care");
    if (cautions.length) care.lastChild.nodeValue = " " + cautions.join(" ");
    else care.remove();
    list.append(item);
  });
  const note = sheet.querySelector(".hb-card-programme-note");
  if (view.note) note.querySelector("span").textContent = view.note;
  else note.remove();
  if (!fit.how_to) sheet.querySelector(".hb-card-how").remove();
  sheet.querySelectorAll(".hb-card-log tbody tr").forEach((row, number) => {
    if (number >= view.times) row.remove();
  });
  const place = sheet.querySelector(".hb-card-qr");
  const rule = W.rules.qr;
  const choice = qrChoice(rule, view.link, view.bareLink);
  if (choice.code) place.append(qrCode(rule, W.message("qr_title"), choice.code));
  // The card says so when the code leaves the note out (after the note, so the header keeps
  // its height) or is left out (in the code's place).
  if (choice.kind === "bare" && view.note) {
    const words = document.createElement("span");
    words.className = "hb-card-qr-words";
    words.textContent = W.message("qr_without_note");
    note.append(" ", words);
  } else if (choice.kind !== "whole") {
    const words = document.createElement("p");
    words.className = "hb-card-small hb-card-qr-words";
    words.textContent = W.message("qr_none");
    place.append(words);
  }
  sheet.dataset.qr = choice.kind;
  if (view.patient) sheet.querySelector(".hb-card-notes .hb-line").textContent = view.patient;
  sheet.dataset.fit = fit.name;
  return sheet;
}
