#!/usr/bin/env python3
"""Runs clang-tidy (.clang-tidy at the repository root, and folders' own) over engine/ and grammar/.

  scripts/run-tidy.py BUILD_DIR [-j N] [FILE...]

BUILD_DIR must be a Ninja build with compile_commands.json (make build makes one). A file that
passed is remembered under $XDG_CACHE_HOME/sextant-tidy (default ~/.cache/sextant-tidy), keyed on
the clang-tidy version, the configuration, the compile command and the content of the file and
of every header it includes (from Ninja's dependency log), so a run after a small change checks
only what the change can affect. Exits 1 when any file has a finding, listing them all.
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
INCLUDE = re.compile(r"^(engine/src/.*|grammar/[^/]+)\.cpp$")
TIDY = "clang-tidy-14"


def digest_files(paths, h):
    # Paths inside the checkout are hashed relative to it (the build directory too), so a fresh
    # clone in another directory reuses the results; system headers keep their absolute path.
    for p in sorted(paths):
        name = os.path.normpath(p)
        if name.startswith(str(ROOT) + os.sep):
            name = os.path.relpath(name, ROOT)
        h.update(name.encode())
        try:
            h.update(pathlib.Path(p).read_bytes())
        except OSError:
            h.update(b"<missing>")


def ninja_deps(build, obj):
    """Headers the object was compiled from, as Ninja recorded them (empty if unknown)."""
    out = subprocess.run(["ninja", "-C", build, "-t", "deps", obj], capture_output=True, text=True)
    if out.returncode != 0 or "deps not found" in out.stdout:
        return None
    return [line.strip() for line in out.stdout.splitlines()[1:] if line.startswith(" ")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    db = json.loads(pathlib.Path(build, "compile_commands.json").read_text())

    version = subprocess.run([TIDY, "--version"], capture_output=True, text=True).stdout
    config = (ROOT / ".clang-tidy").read_bytes()
    cache = pathlib.Path(os.environ.get("XDG_CACHE_HOME", pathlib.Path.home() / ".cache")) / "sextant-tidy"
    cache.mkdir(parents=True, exist_ok=True)

    # clang cannot parse misc/InterpreterDataReader.h of Debian's ANTLR runtime 4.9; the same shim
    # umbrella header grammar/CMakeLists.txt gives clang builds, without that include.
    shim = pathlib.Path(build, "tidy-antlr-shim")
    shim.mkdir(exist_ok=True)
    umbrella = pathlib.Path("/usr/include/antlr4-runtime/antlr4-runtime.h")
    if umbrella.exists():
        text = umbrella.read_text().replace('#include "misc/InterpreterDataReader.h"', "")
        if not (shim / umbrella.name).exists() or (shim / umbrella.name).read_text() != text:
            (shim / umbrella.name).write_text(text)

    wanted = {os.path.abspath(f) for f in args.files}
    jobs = []
    for entry in db:
        src = os.path.abspath(os.path.join(entry["directory"], entry["file"]))
        rel = os.path.relpath(src, ROOT)
        if wanted and src not in wanted:
            continue
        if not wanted and not INCLUDE.match(rel):
            continue
        h = hashlib.sha256(version.encode() + config)
        # A folder's own configuration (engine/src/query/.clang-tidy adds checks) applies below it.
        for folder in pathlib.Path(rel).parents:
            own = ROOT / folder / ".clang-tidy"
            if folder != pathlib.Path(".") and own.exists():
                h.update(own.read_bytes())
        # The command names this checkout's absolute paths: hash it relative to the root, so a
        # fresh clone elsewhere reuses the results.
        h.update(entry.get("command", " ".join(entry.get("arguments", []))).replace(str(ROOT), ".").encode())
        obj = re.search(r"\s-o\s+(\S+)", entry.get("command", ""))
        deps = ninja_deps(build, obj.group(1)) if obj else None
        digest_files([os.path.join(build, d) if not os.path.isabs(d) else d for d in deps or []] + [src], h)
        key = h.hexdigest() if deps is not None else None
        jobs.append((rel, src, key))

    def check(job):
        rel, src, key = job
        if key and (cache / key).exists():
            return rel, True, "", True
        out = subprocess.run([TIDY, "-p", build, "--quiet", "--extra-arg=-Wno-unknown-warning-option",
                              f"--extra-arg-before=-isystem{shim}", src],
                             capture_output=True, text=True)
        findings = [l for l in out.stdout.splitlines() if ": warning: " in l or ": error: " in l]
        ok = out.returncode == 0 and not findings
        if ok and key:
            (cache / key).touch()
        return rel, ok, out.stdout if not ok else "", False

    failed, cached = [], 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
        for rel, ok, output, was_cached in pool.map(check, jobs):
            cached += was_cached
            if not ok:
                failed.append(rel)
                print(output.replace(str(ROOT) + "/", ""), end="")
    print(f"tidy: {len(jobs)} files, {cached} unchanged since they last passed, {len(failed)} with findings")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
