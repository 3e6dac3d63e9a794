#!/usr/bin/env python3
"""Writes a plan in the spreadsheet layout (README, "Spreadsheets") as CSV: NAME.csv
and NAME-allocations.csv beside it, from a plan in the interchange format (e.g. one
from `throughline generate`). Python's csv module writes it, as another tool would.

Usage: spreadsheet_plan.py PLAN.json OUTPUT.csv
"""

import csv
import json
import os
import sys

COLUMNS = ["id", "kind", "title", "why", "owner", "team", "status", "target_date",
           "last_reviewed", "supports", "resource_type", "capacity", "unit", "notes"]


def main(source, target):
    with open(source, encoding="utf-8") as f:
        plan = json.load(f)
    supports = {}
    for link in plan["links"]:
        if link["kind"] == "supports":
            supports.setdefault(link["from"], []).append(link["to"])
    with open(target, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(COLUMNS)
        for node in plan["nodes"]:
            row = dict(node)
            row["supports"] = ", ".join(supports.get(node["id"], []))
            if "capacity" in row:
                row["capacity"] = repr(row["capacity"])
            out.writerow([row.get(column, "") for column in COLUMNS])
    stem, _ = os.path.splitext(target)
    with open(f"{stem}-allocations.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["resource", "to", "amount", "why"])
        for link in plan["links"]:
            if link["kind"] == "allocates":
                out.writerow([link["from"], link["to"], repr(link["amount"]), link.get("why", "")])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
