#!/usr/bin/env python3
"""Writes a plan the way another program would: a script of its own, Python's
json.dump. Throughline's reader must be as fast on it as on the plans it writes itself.

What makes it foreign, on purpose:
  - keys in another order than Throughline writes them: the links before the nodes,
    the format and version last, each node's id after its other fields;
  - json.dump's defaults: ensure_ascii, so every non-ASCII character of the titles,
    names and some ids is a \\u escape; indent=2, one value per line;
  - escaped strings (quotes, backslashes, line breaks) in the whys and notes;
  - dropped nodes, goals with several parents, amounts written as floats.

The same arguments always give the same bytes (random.Random(seed), no clock).

Usage: foreign_plan.py NODES SEED OUTPUT
"""

import json
import random
import sys

ORG_SHARE, TEAM_SHARE, STRATEGY_SHARE, RESOURCE_SHARE = 0.03, 0.12, 0.20, 0.20

TEAMS = ["Kundendienst", "Infraestructura", "Sécurité", "Données & Analyse",
         "Netzwerke", "アプリケーション", "Plataforma en la nube", "Arkitektur"]
PEOPLE = ["Jürgen Müller", "Inés García", "Søren Åberg", "Zoë Laurent",
          "Łukasz Wójcik", "小林 直子", "Dana Whitfield", "Kofi Mensah"]
WORDS = ["Überprüfung der", "Mejora de", "Réduction des coûts de", "顧客満足の",
         "Automatisierung von", "Consolidación de", "Sécurisation des", "Self-service for"]
SUBJECTS = ["Kundenanfragen", "la red", "données clients", "サービスデスク",
            "cloud workloads", "Lieferantenverträge", "facturación", "l'identité"]
WHYS = [
    'The board said "measurable progress this year".',
    "Staff survey: it's the top complaint.\nSecond line: costs rise every quarter.",
    "Auditors flagged it (risk \\ severity: high).",
    "Growth depends on it — without more headcount.",
    "Customers notice it first when it goes wrong 🙁.",
]


def day(rng, first, last):
    """A date between two (year, month) pairs, as YYYY-MM-DD."""
    year, month = first
    months = (last[0] - year) * 12 + last[1] - month
    at = month - 1 + rng.randrange(months + 1)
    return f"{year + at // 12}-{at % 12 + 1:02d}-{rng.randrange(1, 29):02d}"


def work_node(rng, node_id, kind):
    """A goal, strategy or initiative, its fields in the order a script might build them.

    Gaps about as often as in `throughline generate`'s plans, so that the analysis
    costs about the same and the comparison is of the reading: 5% dropped, 3% without
    a why, 5% not reviewed this cadence, 3% past their target date.
    """
    node = {"title": f"{rng.choice(WORDS)} {rng.choice(SUBJECTS)} #{node_id}", "kind": kind}
    node["status"] = "dropped" if rng.random() < 0.05 else rng.choice(["active", "proposed", "active", "active"])
    node["owner"] = rng.choice(PEOPLE)
    node["team"] = rng.choice(TEAMS)
    if rng.random() < 0.97:
        node["why"] = rng.choice(WHYS)
    node["target_date"] = day(rng, (2025, 6), (2026, 10)) if rng.random() < 0.03 else day(rng, (2027, 1), (2028, 12))
    node["last_reviewed"] = day(rng, (2025, 1), (2026, 5)) if rng.random() < 0.05 else day(rng, (2026, 8), (2026, 10))
    if rng.random() < 0.1:
        node["notes"] = "Notizen: \"vorläufig\"\tsiehe Anhang"
    node["id"] = node_id
    return node


def resource_node(rng, node_id, allocated):
    resource_type = rng.choice(["funding", "tool", "skill", "time"])
    node = {"unit": {"funding": "EUR", "tool": "Lizenzen", "skill": "Personen", "time": "Stunden"}[resource_type],
            "title": f"Budget für {rng.choice(SUBJECTS)} #{node_id}",
            "resource_type": resource_type, "kind": "resource", "owner": rng.choice(PEOPLE)}
    if rng.random() < 0.9:
        # 3% over-allocated; the rest with room to spare.
        share = 0.8 if rng.random() < 0.03 else rng.uniform(1.1, 2.0)
        node["capacity"] = round(max(1.0, allocated * share), 2)
    node["id"] = node_id
    return node


def main():
    nodes, seed, output = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(seed)
    org = max(1, int(nodes * ORG_SHARE))
    team = int(nodes * TEAM_SHARE)
    strategy = int(nodes * STRATEGY_SHARE)
    resource = int(nodes * RESOURCE_SHARE)
    initiative = nodes - org - team - strategy - resource

    plan_nodes, links = [], []

    def supports(source, target):
        links.append({"to": target, "from": source, "kind": "supports"})

    # Ids as another tool names things: prefixes of its own, some non-ASCII.
    org_ids = [f"Ziel-Ü{i}" if i % 3 == 0 else f"goal-{i}" for i in range(org)]
    team_ids = [f"team-goal-{i}" for i in range(team)]
    strategy_ids = [f"estrategia-{i}" if i % 2 else f"strategy-{i}" for i in range(strategy)]
    initiative_ids = [f"proj-{i:06d}" for i in range(initiative)]
    resource_ids = [f"res-{i}" for i in range(resource)]

    for i, node_id in enumerate(org_ids):
        plan_nodes.append(work_node(rng, node_id, "org_goal"))
        if i > 0 and rng.random() < 0.2:
            supports(node_id, org_ids[rng.randrange(i)])
    for i, node_id in enumerate(team_ids):
        plan_nodes.append(work_node(rng, node_id, "team_goal"))
        if rng.random() < 0.98:
            # Goals with several parents: one to three org goals.
            for parent in rng.sample(org_ids, min(len(org_ids), rng.randint(1, 3))):
                supports(node_id, parent)
    for i, node_id in enumerate(strategy_ids):
        plan_nodes.append(work_node(rng, node_id, "strategy"))
        if rng.random() < 0.98 and team_ids:
            for parent in rng.sample(team_ids, min(len(team_ids), rng.randint(1, 2))):
                supports(node_id, parent)
    for i, node_id in enumerate(initiative_ids):
        plan_nodes.append(work_node(rng, node_id, "initiative"))
        if rng.random() < 0.98 and strategy_ids:
            supports(node_id, strategy_ids[i % len(strategy_ids)])
    # Each resource backs the next few actions in turn, so that nearly every action has some.
    actions = initiative_ids + strategy_ids
    cursor = 0
    for node_id in resource_ids:
        allocated = 0.0
        count = 0 if rng.random() < 0.03 else rng.randint(1, 4)
        for target in dict.fromkeys(actions[(cursor + k) % len(actions)] for k in range(count)):
            amount = round(rng.uniform(10, 50000), 2)
            allocated += amount
            links.append({"amount": amount, "to": target, "from": node_id, "kind": "allocates"})
        cursor += count
        plan_nodes.append(resource_node(rng, node_id, allocated))

    # Shuffled as a spreadsheet export might list them; ids keep links valid.
    rng.shuffle(plan_nodes)
    document = {
        "name": f"Plan étranger ({nodes} nœuds, graine {seed})",
        "review_cadence_days": 120,
        "links": links,
        "nodes": plan_nodes,
        "version": 1,
        "format": "throughline-plan",
    }
    with open(output, "w", encoding="utf-8") as file:
        json.dump(document, file, indent=2)
        file.write("\n")


if __name__ == "__main__":
    main()
