// Check iCalendar files with Mozilla's ical.js (the parser of Thunderbird's calendar).
// Usage: node tests/js/icaljs_check.mjs FILE.ics...
// Prints one JSON object per file: {"file", "valid", "errors", "events": [{uid, summary,
// start, end, status, organizer}]}. A file is valid when ical.js parses it into a
// VCALENDAR and every VEVENT yields an ICAL.Event with a UID and a start.
// Exit status 0 when every file is valid, 1 otherwise.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function check(file) {
  const out = { file, valid: false, errors: [], events: [] };
  try {
    const root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
    if (root.name !== "vcalendar") throw new Error(`top component is ${root.name}`);
    for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    for (const sub of root.getAllSubcomponents("vevent")) {
      const event = new ICAL.Event(sub);
      if (!event.uid) out.errors.push("a VEVENT has no UID");
      if (!event.startDate) out.errors.push(`${event.uid}: no DTSTART`);
      out.events.push({
        uid: event.uid,
        summary: event.summary,
        start: event.startDate && event.startDate.toString(),
        end: event.endDate && event.endDate.toString(),
        status: sub.getFirstPropertyValue("status"),
        organizer: sub.getFirstPropertyValue("organizer"),
      });
    }
    out.valid = out.errors.length === 0;
  } catch (error) {
    out.errors.push(String(error && error.message || error));
  }
  return out;
}

let ok = true;
for (const file of process.argv.slice(2)) {
  const result = check(file);
  ok = ok && result.valid;
  console.log(JSON.stringify(result));
}
process.exit(ok ? 0 : 1);
