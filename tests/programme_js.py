"""The programme scripts' modules in a page, for tests that drive them in Chromium: the old
`HandbookProgramme` calls, bound to the page's own words and rules (#hb-words), made from
the very modules the page loads (generator/assets/*.js, imported by URL)."""

from __future__ import annotations

from playwright.sync_api import Page

INSTALL = """async () => {
  const load = (name) => import(new URL(`../assets/${name}.js`, location.href).href);
  const [link, words, steps, fit, card, page] = await Promise.all(
    ["link", "words", "steps", "fit", "programme-card", "page"].map(load));
  const W = page.pageWords();
  const P = { message: W.message, rules: W.rules };
  const time = (rules) => ({ ...W.rules.time, ...(rules || {}) });
  window.HandbookProgramme = {
    LinkError: link.LinkError,
    encode: (programme) => link.encode(W.rules.link, programme),
    parse: (fragment, catalogue) => link.parse(P, fragment, catalogue),
    resolve: (programme, catalogue, byId) => link.resolve(P, programme, byId),
    index: link.index,
    noteProblem: (text) => link.noteProblem(W.rules.note, text),
    cleanNote: (text) => link.cleanNote(W.rules.note, text),
    dosageWords: W.dosageWords,
    frequencyWords: W.frequencyWords,
    minutesWords: W.minutesWords,
    minutes: words.minutes,
    sessionSteps: (name, d, rules) => steps.sessionSteps(W, name, d, time(rules)),
    sessionSeconds: (d, rules) => steps.sessionSeconds(d, time(rules)),
    chooseFit: (entries, times, note, catalogue) =>
      fit.chooseFit(W, entries, times, note, catalogue.card, W.rules.card_extra_mm),
    card: (view, catalogue, root) => card.card(W, view, catalogue, root),
    calendar: (view, now) => page.programmeCalendar(W, view, now),
  };
}"""


def install_programme_api(page: Page) -> None:
    """`window.HandbookProgramme` in `page` (a builder or programme page, loaded)."""
    page.evaluate(INSTALL)
