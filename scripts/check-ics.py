#!/usr/bin/env python3
"""Reads ShopCircle's .ics export with an independent implementation (Python's
icalendar + recurring_ical_events, i.e. dateutil's RFC 5545 engine, as
calendar apps use) and compares every occurrence with what the CLI lists.

    pip install icalendar recurring_ical_events
    scripts/check-ics.py path/to/shop.db 2026-10-20 2027-01-09
"""
import datetime
import json
import pathlib
import subprocess
import sys
import tempfile

import icalendar
import recurring_ical_events

db, first, last = sys.argv[1], sys.argv[2], sys.argv[3]
cli = pathlib.Path(__file__).resolve().parent.parent / "target" / "debug" / "shopcircle-cli"
with tempfile.TemporaryDirectory() as tmp:
    ics = pathlib.Path(tmp) / "shop.ics"
    subprocess.run([cli, "--db", db, "schedule", "export-ics", "--out", ics], check=True, capture_output=True)
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
start = datetime.datetime.fromisoformat(first)
end = datetime.datetime.fromisoformat(last) + datetime.timedelta(days=1)
theirs = sorted((str(e["SUMMARY"]), e["DTSTART"].dt.isoformat()) for e in recurring_ical_events.of(cal).between(start, end))
ours = json.loads(subprocess.check_output([cli, "--db", db, "--json", "schedule", "occurrences", "--from", first, "--to", last]))
ours = sorted((o["title"], o["at"]) for o in ours)
print(f"calendar library: {len(theirs)} occurrences; ShopCircle: {len(ours)}")
for row in sorted(set(theirs) ^ set(ours)):
    print("  differs:", row)
sys.exit(0 if theirs == ours else 1)
