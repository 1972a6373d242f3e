#!/usr/bin/env python3
"""Negative tests of scripts/lint_workflows.py: each case copies .github/ and
.ci/ into a temporary directory, breaks one thing, and expects the lint to fail
with a finding naming it. `clean` expects the unbroken copy to pass, so a case
fails for its breakage, not for the copy.

  scripts/lint_workflows_test.py CASE       (ctest: workflows_lint_<case>)
  scripts/lint_workflows_test.py --list
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
LINT = ROOT / "scripts" / "lint_workflows.py"
SECRET = "https://${{ secrets.PERSONAL_ACCESS_TOKEN }}@github.com/tokcheck/tokcheck-fuzz-storage.git"
STORAGE_LINES = (f"          storage-repo: {SECRET}\n"
                 "          storage-repo-branch: main\n"
                 "          storage-repo-branch-coverage: gh-pages\n")
UPLOAD_STEP_START = "      - name: Upload SARIF"

# case: (file, old text, new text or None to delete the file, expected finding)
CASES = {
    "clean": (None, None, None, None),
    "storage_from_variable": ("cflite_prune.yml", SECRET, "${{ vars.CFLITE_STORAGE_REPO }}",
                              "is not https://"),
    "storage_plain_url": ("cflite_batch.yml", SECRET,
                          "https://github.com/tokcheck/tokcheck-fuzz-storage.git",
                          "is not https://"),
    "pr_without_storage": ("cflite_pr.yml", STORAGE_LINES, "", "(pull-request build): no storage-repo"),
    "build_without_storage": ("cflite_build.yml", STORAGE_LINES, "", "(upload-build): no storage-repo"),
    "coverage_without_branch": ("cflite_coverage.yml", "          storage-repo-branch-coverage: gh-pages\n",
                                "", "no storage-repo-branch-coverage"),
    "coverage_workflow_missing": ("cflite_coverage.yml", "", None, "no workflow covers coverage"),
    "sarif_without_permission": ("cflite_pr.yml", "      security-events: write\n", "",
                                 "security-events: write"),
    "sarif_without_upload": ("cflite_batch.yml", UPLOAD_STEP_START, "#", "no later"),
    "ci_missing": ("ci.yml", "", None, "ci.yml: missing"),
    "ci_wrong_command": ("ci.yml", "run: bash .ci/run", "run: cmake --preset default",
                         "no step runs .ci/run"),
    "job_without_runs_on": ("ci.yml", "    runs-on: ubuntu-latest\n", "", "no runs-on"),
    "step_without_uses_or_run": ("ci.yml", "        run: bash .ci/run\n", "        shell: bash\n",
                                 "exactly one of uses/run"),
    "unpinned_action": ("ci.yml", "actions/checkout@v4", "actions/checkout", "not pinned"),
    "no_trigger": ("cflite_build.yml", "on:\n  push:\n    branches: [main]\n", "", "no on:"),
    "not_yaml": ("cflite_build.yml", "permissions: read-all\n", "permissions: [read-all\n",
                 "not YAML"),
}


def run_case(name):
    fname, old, new, expected = CASES[name]
    with tempfile.TemporaryDirectory(prefix="tokcheck-wf-") as tmp:
        root = pathlib.Path(tmp)
        shutil.copytree(ROOT / ".github", root / ".github")
        shutil.copytree(ROOT / ".ci", root / ".ci")
        if fname is not None:
            path = root / ".github" / "workflows" / fname
            if new is None:
                path.unlink()
            else:
                text = path.read_text()
                if old not in text:
                    print(f"FAIL {name}: {fname} no longer contains {old!r}; update the case")
                    return 1
                if name == "sarif_without_upload":
                    text = text[:text.index(old)]  # drop the upload step to the end
                else:
                    text = text.replace(old, new)
                path.write_text(text)
        result = subprocess.run([sys.executable, str(LINT), "--root", str(root)],
                                capture_output=True, text=True)
        out = result.stdout + result.stderr
        if expected is None:
            ok = result.returncode == 0
        else:
            ok = result.returncode == 1 and expected in out
        print(out, end="")
        print(f"{'ok' if ok else 'FAIL'} {name}: exit {result.returncode}, expected "
              f"{'0' if expected is None else '1 with ' + repr(expected)}")
        return 0 if ok else 1


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(CASES))
        return 0
    if len(sys.argv) != 2 or sys.argv[1] not in CASES:
        print(__doc__, file=sys.stderr)
        return 2
    return run_case(sys.argv[1])


if __name__ == "__main__":
    sys.exit(main())
