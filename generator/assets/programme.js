// The programme page: reads the programme from the link's fragment (never sent to the
// server), shows it like a routine page and prints its card. A link it cannot read gets a
// plain sentence saying why; nothing from the link is ever inserted as markup.
"use strict";
(function () {
  const P = window.HandbookProgramme;
  const app = document.querySelector("[data-hb-programme]");
  if (!app || !P) return;
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
      const steps = P.sessionSteps(exercise.name, dosage, catalogue.time);
      return {
        id: exercise.id,
        name: exercise.name,
        cue: exercise.cues[0],
        stop_if: exercise.stop_if,
        easier: easierName(exercise),
        alt: exercise.picture.alt,
        start: P.local(exercise.picture.start_url, catalogue, root),
        end: P.local(exercise.picture.end_url, catalogue, root),
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

  function clone(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  function show() {
    let programme;
    let entries;
    try {
      programme = P.parse(location.hash, catalogue);
      entries = P.resolve(programme, catalogue, byId);
    } catch (error) {
      if (!(error instanceof P.LinkError)) throw error;
      fail(error.message);
      return;
    }
    const present = entries.filter((entry) => entry.exercise);
    if (!present.length) {
      fail(P.message("none_left"));
      return;
    }
    // The page's own address, without any query the link came with: the code, the calendar
    // file and the edit link carry the programme alone.
    const page = new URL("./", location.href).href;
    const link = page + "#" + P.encode(programme);
    current = {
      entries,
      times: programme.times,
      days: programme.days,
      note: programme.note,
      link,
      bareLink: page + "#" + P.encode({ ...programme, note: "" }),
      patient: "",
      title: P.message("programme_title"),
    };
    const total = present.reduce((sum, entry) => sum + P.sessionSeconds(entry.dosage, catalogue.time), 0);
    $("[data-hb-view-minutes]").textContent = P.minutesWords(P.minutes(total));
    $("[data-hb-view-frequency]").textContent = P.frequencyWords(present[0].dosage);
    const note = $("[data-hb-view-note]");
    note.hidden = !programme.note;
    note.querySelector("span").textContent = programme.note;
    const list = $("[data-hb-view-list]");
    list.replaceChildren();
    entries.forEach((entry, number) => {
      if (!entry.exercise) {
        const gone = clone("hb-tpl-missing");
        gone.querySelector(".hb-view-name").textContent = P.message("gone", { number: number + 1 });
        list.append(gone);
        return;
      }
      const exercise = entry.exercise;
      const row = clone("hb-tpl-view");
      row.querySelector(".hb-view-name").textContent = `${number + 1}. ${exercise.name}`;
      const picture = row.querySelector("img");
      picture.src = P.local(exercise.picture.url, catalogue, root);
      picture.alt = exercise.picture.alt;
      if (number > 0) picture.loading = "lazy";
      row.querySelector(".hb-view-dose").textContent = P.dosageWords(entry.dosage, false) + ".";
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
      more.href = P.local(exercise.url, catalogue, root);
      more.textContent = P.message("full_steps", { name: exercise.name });
      list.append(row);
    });
    const builder = new URL(app.dataset.builderRel || "../builder/", location.href);
    $("[data-hb-edit]").href = builder.href.split("#")[0] + "#" + P.encode(programme);
    $("[data-hb-card]").replaceChildren(P.card(current, catalogue, root));
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
        P.download("exercise-programme.ics", "text/calendar", P.calendar(current, catalogue, new Date()));
        $("[data-hb-action-status]").textContent = P.message("calendar_done");
      }
    });
  });

  P.load(app, "catalogue")
    .then((exercises) => {
      catalogue = exercises;
      byId = P.index(catalogue);
      show();
      window.addEventListener("hashchange", show);
    })
    .catch((error) => fail(P.message("not_loaded", { error: error.message })));
})();
