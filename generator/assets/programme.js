// The programme page: reads the programme from the link's fragment (never sent to the
// server), shows it like a routine page and prints its card. A link it cannot read gets a
// plain sentence saying why; nothing from the link is ever inserted as markup.
//
// An ES module, on the same modules as the builder (builder.js).
import { LinkError, encode, index, parse, resolve } from "./link.js";
import { clone, download, load, local, pageWords, programmeCalendar, programmeMinutes } from "./page.js";
import { card } from "./programme-card.js";
import { sessionSteps } from "./steps.js";

const app = document.querySelector("[data-hb-programme]");
if (app) start(pageWords());

function start(W) {
  const P = { message: W.message, rules: W.rules };
  const $ = (selector) => app.querySelector(selector);
  const root = new URL(app.dataset.root || "../", location.href);
  let catalogue = null;
  let byId = null;
  let current = null;
  let sessionBase = null;

  // The guided session (session.js) follows the plan in #hb-session-plan: the page brings it
  // with no exercises; here the link's exercises and their steps go in, and Start shows.
  function offerSession(present) {
    const script = document.getElementById("hb-session-plan");
    if (!script) return;
    sessionBase = sessionBase || JSON.parse(script.textContent);
    const exercises = present.map(({ exercise, dosage }) => {
      const steps = sessionSteps(W, exercise.name, dosage, W.rules.time);
      return {
        id: exercise.id,
        name: exercise.name,
        cue: exercise.cues[0],
        stop_if: exercise.stop_if,
        easier: easierName(exercise),
        alt: exercise.picture.alt,
        start: local(exercise.picture.start_url, catalogue, root),
        end: local(exercise.picture.end_url, catalogue, root),
        seconds: steps.reduce((sum, step) => sum + step.seconds, 0),
        steps,
      };
    });
    const seconds = exercises.reduce((sum, exercise) => sum + exercise.seconds, 0);
    script.textContent = JSON.stringify({ ...sessionBase, exercises, seconds });
    document.dispatchEvent(new Event("hb-session-plan"));
  }

  // The name of an exercise's first easier version, for the session's advice after a stop.
  function easierName(exercise) {
    const easier = exercise.easier[0];
    if (!easier) return null;
    const other = easier.exercise && byId.get(easier.exercise);
    return easier.name || (other ? other.name : null);
  }

  // Print and the calendar file act on a programme shown, never on an empty or unread one.
  function enableActions(on) {
    app.querySelectorAll("[data-hb-action]").forEach((button) => {
      button.disabled = !on;
    });
  }

  function fail(message) {
    enableActions(false);
    $("[data-hb-view]").hidden = true;
    $("[data-hb-preview]").hidden = true;
    const box = $("[data-hb-error]");
    box.querySelector("p").textContent = message;
    box.hidden = false;
    $("[data-hb-status]").hidden = true;
    current = null;
    if (catalogue) offerSession([]);
  }

  function show() {
    let programme;
    let entries;
    try {
      programme = parse(P, location.hash, catalogue);
      entries = resolve(P, programme, byId);
    } catch (error) {
      if (!(error instanceof LinkError)) throw error;
      fail(error.message);
      return;
    }
    const present = entries.filter((entry) => entry.exercise);
    if (!present.length) {
      fail(W.message("none_left"));
      return;
    }
    // The page's own address, without any query the link came with: the code, the calendar
    // file and the edit link carry the programme alone.
    const page = new URL("./", location.href).href;
    const link = page + "#" + encode(W.rules.link, programme);
    current = {
      entries,
      times: programme.times,
      days: programme.days,
      note: programme.note,
      link,
      bareLink: page + "#" + encode(W.rules.link, { ...programme, note: "" }),
      patient: "",
      title: W.message("programme_title"),
    };
    $("[data-hb-view-minutes]").textContent = W.minutesWords(programmeMinutes(W, present));
    $("[data-hb-view-frequency]").textContent = W.frequencyWords(present[0].dosage);
    const note = $("[data-hb-view-note]");
    note.hidden = !programme.note;
    note.querySelector("span").textContent = programme.note;
    const list = $("[data-hb-view-list]");
    list.replaceChildren();
    entries.forEach((entry, number) => {
      if (!entry.exercise) {
        const gone = clone("hb-tpl-missing");
        gone.querySelector(".hb-view-name").textContent = W.message("gone", { number: number + 1 });
        list.append(gone);
        return;
      }
      const exercise = entry.exercise;
      const row = clone("hb-tpl-view");
      row.querySelector(".hb-view-name").textContent = `${number + 1}. ${exercise.name}`;
      const picture = row.querySelector("img");
      picture.src = local(exercise.picture.url, catalogue, root);
      picture.alt = exercise.picture.alt;
      if (number > 0) picture.loading = "lazy";
      row.querySelector(".hb-view-dose").textContent = W.dosageWords(entry.dosage, false) + ".";
      row.querySelector(".hb-view-summary").textContent = exercise.summary;
      const steps = row.querySelector(".hb-view-steps");
      for (const text of exercise.steps) {
        const step = document.createElement("li");
        step.textContent = text;
        steps.append(step);
      }
      row.querySelector(".hb-view-tip").textContent = exercise.cues[0];
      row.querySelector(".hb-view-care").textContent = exercise.warnings.concat(exercise.cautions).join(" ");
      row.querySelector(".hb-view-stop").textContent = exercise.stop_if;
      const more = row.querySelector(".hb-view-link");
      more.href = local(exercise.url, catalogue, root);
      more.textContent = W.message("full_steps", { name: exercise.name });
      list.append(row);
    });
    const builder = new URL(app.dataset.builderRel || "../builder/", location.href);
    $("[data-hb-edit]").href = builder.href.split("#")[0] + "#" + encode(W.rules.link, programme);
    $("[data-hb-card]").replaceChildren(card(W, current, catalogue, root));
    $("[data-hb-error]").hidden = true;
    $("[data-hb-status]").hidden = true;
    $("[data-hb-view]").hidden = false;
    $("[data-hb-preview]").hidden = false;
    enableActions(true);
    offerSession(present);
  }

  app.querySelectorAll("[data-hb-action]").forEach((button) => {
    button.addEventListener("click", () => {
      if (!current) return;
      if (button.dataset.hbAction === "print") window.print();
      if (button.dataset.hbAction === "calendar") {
        download("exercise-programme.ics", "text/calendar", programmeCalendar(W, current, new Date()));
        $("[data-hb-action-status]").textContent = W.message("calendar_done");
      }
    });
  });

  load(W, app, "catalogue")
    .then((exercises) => {
      catalogue = exercises;
      byId = index(catalogue);
      show();
      window.addEventListener("hashchange", show);
    })
    .catch((error) => fail(W.message("not_loaded", { error: error.message })));
}
