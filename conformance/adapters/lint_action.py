#!/usr/bin/env python3
"""ctest: lints action.yml, the reusable GitHub Action (docs/CI.md).

    lint_action.py ACTION_YML              -> "action-lint: ok" or one line per problem
    lint_action.py --self-test ACTION_YML  -> breaks the file in several ways and
                                              checks the lint rejects every one

GitHub only reports a broken action when someone else's workflow uses it, so
the rules run here: it parses as YAML; name, description, inputs (each with a
description), runs.using: composite; every step either runs a script with a
shell or uses a pinned action; the inputs the brief promises exist, `impl`
required; every ${{ inputs.X }} names a declared input; no ${{ }} expression
inside a script (inputs go through env:, so they cannot inject shell code);
the reports are uploaded with if: always(). Needs PyYAML (Debian python3-yaml).
"""

import copy
import re
import sys

import yaml

EXPECTED_INPUTS = ["impl", "schemes", "operations", "allowlist", "strict", "lenient",
                   "timeout-ms", "max-time", "report-dir", "tokcheck-ref"]
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)
INPUT_REF = re.compile(r"\binputs\.([A-Za-z0-9_-]+)")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[\w.-]+$")


def strings(node):
    """Every string value in the document (for expression checks)."""
    if isinstance(node, dict):
        for v in node.values():
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)
    elif isinstance(node, str):
        yield node


def lint_text(text):
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as e:
        return ["not YAML: %s" % str(e).replace("\n", " ")]
    return lint(doc)


def lint(doc):
    if not isinstance(doc, dict):
        return ["the top level is not a mapping"]
    problems = []
    for key in ("name", "description"):
        if not isinstance(doc.get(key), str) or not doc[key].strip():
            problems.append("missing %s" % key)
    inputs = doc.get("inputs")
    if not isinstance(inputs, dict) or not inputs:
        problems.append("missing inputs")
        inputs = {}
    for name, spec in inputs.items():
        if not isinstance(spec, dict) or not str(spec.get("description", "")).strip():
            problems.append("input %s has no description" % name)
            continue
        if "required" in spec and not isinstance(spec["required"], bool):
            problems.append("input %s: required must be true or false" % name)
        # Unquoted `default: false` is a YAML boolean; the runner passes strings.
        if "default" in spec and not isinstance(spec["default"], str):
            problems.append("input %s: default must be a quoted string" % name)
    for name in EXPECTED_INPUTS:
        if name not in inputs:
            problems.append("input %s is missing" % name)
    if isinstance(inputs.get("impl"), dict) and inputs["impl"].get("required") is not True:
        problems.append("input impl must be required: true")
    for name, spec in (doc.get("outputs") or {}).items():
        if not isinstance(spec, dict) or "description" not in spec or "value" not in spec:
            problems.append("output %s needs description and value" % name)

    runs = doc.get("runs")
    if not isinstance(runs, dict) or runs.get("using") != "composite":
        problems.append("runs.using is not composite")
        runs = {}
    steps = runs.get("steps")
    if not isinstance(steps, list) or not steps:
        problems.append("runs.steps is empty")
        steps = []
    uploads_always = False
    for i, step in enumerate(steps):
        label = "step %d" % (i + 1)
        if not isinstance(step, dict):
            problems.append("%s is not a mapping" % label)
            continue
        label = "step %r" % step.get("name", i + 1)
        if ("run" in step) == ("uses" in step):
            problems.append("%s needs exactly one of run and uses" % label)
        if "run" in step:
            if not step.get("shell"):
                problems.append("%s: a run step in a composite action needs shell" % label)
            if EXPRESSION.search(str(step["run"])):
                problems.append("%s: ${{ }} inside run (pass it through env:)" % label)
        if "uses" in step:
            uses = str(step["uses"])
            if not PINNED.match(uses):
                problems.append("%s: uses %r is not owner/repo@version" % (label, uses))
            if uses.startswith("actions/upload-artifact@") and step.get("if") == "always()":
                uploads_always = True
    if not uploads_always:
        problems.append("no actions/upload-artifact step with if: always() (reports of a failing gate)")

    for s in strings(doc):
        for expression in EXPRESSION.findall(s):
            for name in INPUT_REF.findall(expression):
                if name not in inputs:
                    problems.append("${{ inputs.%s }} names no declared input" % name)
    return problems


def self_test(text):
    """Each mutation of the real file must be rejected, and the file itself accepted."""
    doc = yaml.safe_load(text)

    def mutated(change):
        d = copy.deepcopy(doc)
        change(d)
        return yaml.safe_dump(d, sort_keys=False)

    def step_with(d, key):
        return next(s for s in d["runs"]["steps"] if key in s)

    def first_run_with_env(d):
        return next(s for s in d["runs"]["steps"] if "run" in s and s.get("env"))

    # what is broken -> (the broken text, the problem the lint must name)
    broken = {
        "not YAML": (text.replace("inputs:", "inputs: [", 1), "not YAML"),
        "no description": (mutated(lambda d: d.pop("description")), "missing description"),
        "an input without description": (
            mutated(lambda d: d["inputs"]["strict"].pop("description")), "strict has no description"),
        "a promised input missing": (
            mutated(lambda d: d["inputs"].pop("max-time")), "max-time is missing"),
        "impl not required": (
            mutated(lambda d: d["inputs"]["impl"].update(required=False)), "impl must be required"),
        "an unquoted boolean default": (
            mutated(lambda d: d["inputs"]["strict"].update(default=False)), "quoted string"),
        "runs.using node20": (mutated(lambda d: d["runs"].update(using="node20")), "not composite"),
        "a run step without shell": (
            mutated(lambda d: step_with(d, "run").pop("shell")), "needs shell"),
        "an unpinned action": (
            mutated(lambda d: step_with(d, "uses").update(uses="actions/upload-artifact")),
            "not owner/repo@version"),
        "upload only on success": (
            mutated(lambda d: step_with(d, "uses").pop("if")), "if: always()"),
        "a typo in an input name": (
            mutated(lambda d: first_run_with_env(d)["env"].update(TYPO="${{ inputs.report_dir }}")),
            "inputs.report_dir }} names no declared input"),
        "an input interpolated into a script": (
            mutated(lambda d: step_with(d, "run").update(run="echo ${{ inputs.impl }}")),
            "inside run"),
    }
    failures = []
    if lint_text(text):
        failures.append("the real action.yml is rejected: %s" % lint_text(text))
    for what, (broken_text, reason) in broken.items():
        problems = [p for p in lint_text(broken_text) if reason in p]
        if problems:
            print("rejected (%s): %s" % (what, problems[0]))
        else:
            failures.append("did not reject %s for %r" % (what, reason))
    for f in failures:
        print("action-lint self-test: FAILED: " + f)
    if not failures:
        print("action-lint self-test: ok: %d broken files rejected" % len(broken))
    return 1 if failures else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        with open(argv[2]) as f:
            return self_test(f.read())
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1]) as f:
        problems = lint_text(f.read())
    for p in problems:
        print("action-lint: FAILED: %s: %s" % (argv[1], p))
    if not problems:
        print("action-lint: ok: %s" % argv[1])
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
