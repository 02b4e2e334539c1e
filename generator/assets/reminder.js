// A routine page's calendar link, where script runs: the file is made in the browser on the
// day it is used, from the same shared rules as the builder's (calendar.js), starting the day
// after for the routine's weeks. The reminder and its rules are the page's (#hb-reminder,
// render/outputs/calendar.py routine_reminder and calendar_rules); without script the link
// opens the static file, weekly with no end.
import { calendarText } from "./calendar.js";
import { download } from "./page.js";

const data = JSON.parse(document.getElementById("hb-reminder").textContent);
const target = new URL(data.href, location.href).href;
for (const link of document.querySelectorAll("a[href]")) {
  if (link.href !== target) continue;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    download(data.file, "text/calendar", calendarText(data.reminder, data.rules, new Date()));
  });
}
