#!/usr/bin/env python3
"""Example adapter: every handler forwards to the tokcheck reference.

This is the file a porting team replaces. Keep main()'s shape, delete
Reference, and register your own functions instead of forward(...):

    adapter.register("agora-007", "build", my_build_agora_007)

Here each handler sends its request to one `tokcheck serve` child (started once,
restarted if it dies) and returns the reference's answer as it is, so CI can
prove the loop in tokcheck_adapter.py passes every vector.

    example.py [--tokcheck PATH] [--only SCHEME:OP[,SCHEME:OP...]]

--only registers just those handlers (the hello then declares only them).
"""

import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tokcheck_adapter  # noqa: E402  (the file you copy)

# The schemes and lifecycle vendors of the golden vectors (docs/PROTOCOL.md).
TOKEN_SCHEMES = ["agora-006", "agora-007", "zego-03", "zego-04", "volc-001", "tencent-usersig"]
LIFECYCLE_SCHEMES = ["lifecycle-agora", "lifecycle-bytedance", "lifecycle-rongcloud",
                     "lifecycle-zego"]


class Reference:
    """One `tokcheck serve` child, spoken to with the same protocol."""

    def __init__(self, command):
        self.command = command
        self.child = None
        self.sequence = 0

    def call(self, op, scheme, input):
        if self.child is None or self.child.poll() is not None:
            # stderr is inherited: tokcheck collects it per case like ours.
            self.child = subprocess.Popen([self.command, "serve"], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE)
        self.sequence += 1
        request = {"id": self.sequence, "op": op, "scheme": scheme, "input": input}
        try:
            self.child.stdin.write(json.dumps(request).encode() + b"\n")
            self.child.stdin.flush()
            line = self.child.stdout.readline()
        except OSError as e:
            raise RuntimeError("reference child: %s" % e)
        if not line:
            raise RuntimeError("reference child exited (status %s)" % self.child.wait())
        answer = json.loads(line)
        if answer.pop("id", None) != self.sequence:
            raise RuntimeError("reference child answered another request")
        if "usage_error" in answer:
            # The reference could not read the input: so could not we. Raising is
            # how a handler says so (the loop answers usage_error).
            raise ValueError(answer["usage_error"])
        return answer


def forward(reference, op):
    def handler(scheme, input):
        return reference.call(op, scheme, input)
    return handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokcheck", default="tokcheck", help="the tokcheck binary")
    parser.add_argument("--only", default="", help="register only these SCHEME:OP pairs")
    args = parser.parse_args()

    reference = Reference(args.tokcheck)
    adapter = tokcheck_adapter.Adapter("python-example-adapter", "1.0.0")
    pairs = [(s, op) for s in TOKEN_SCHEMES for op in ("build", "parse", "verify")]
    pairs += [(s, "scenario") for s in LIFECYCLE_SCHEMES]
    only = {tuple(p.split(":", 1)) for p in args.only.split(",") if p}
    for scheme, op in pairs:
        if not only or (scheme, op) in only:
            adapter.register(scheme, op, forward(reference, op))
    unknown = only - set(pairs)
    if unknown:
        parser.error("--only: no such pair: %s" % sorted(unknown))
    adapter.serve()


if __name__ == "__main__":
    main()
