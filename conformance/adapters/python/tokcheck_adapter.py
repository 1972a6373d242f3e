"""The tokcheck runner protocol, version 1 (docs/PROTOCOL.md), as a loop you copy.

Copy this file next to your code, register one handler per (scheme, operation)
you implement, and call serve(). Python 3 standard library only.

    import tokcheck_adapter

    def build_agora_007(scheme, input):     # input: the vector's "input", verbatim
        return {"token": my_lib.build(input["app_id"], ...)}

    adapter = tokcheck_adapter.Adapter("my-gateway", "3.4.1")
    adapter.register("agora-007", "build", build_agora_007)
    adapter.serve()                          # returns on end of input

A handler gets (scheme, input) and returns the answer object WITHOUT "id"
(the loop adds it): {"token": ...} / {"error": {...}} for build,
{"ok": ..., "fields"/"condition": ...} for parse, {"condition": ...} for verify,
{"outputs": [...]} for scenario. Raising an exception answers
{"id": ..., "usage_error": "<the message>"}: use it for "I cannot read this
request", not for a token your implementation rejects (that is an answer).
"""

import json
import sys
import traceback

OPERATIONS = ("build", "parse", "verify", "scenario")
PROTOCOL_VERSION = 1


def log(message):
    """Everything that is not a protocol line goes to stderr: tokcheck keeps it
    per case and shows it with failures. A stray stdout line would be taken as
    the answer to the next request (a PROTOCOL_ERROR)."""
    print(message, file=sys.stderr, flush=True)


class Adapter:
    def __init__(self, name, version=None):
        self.name = name
        self.version = version
        self.handlers = {}  # (scheme, op) -> handler

    def register(self, scheme, op, handler):
        if op not in OPERATIONS:
            raise ValueError("unknown operation %r (one of %s)" % (op, ", ".join(OPERATIONS)))
        self.handlers[(scheme, op)] = handler

    def hello(self):
        """Declares exactly the registered pairs: under v1 only these are sent,
        the rest are reported NOT_DECLARED (skipped, not failed)."""
        supports = {}
        for scheme, op in self.handlers:
            supports.setdefault(scheme, []).append(op)
        implementation = {"name": self.name}
        if self.version is not None:
            implementation["version"] = self.version
        return {"id": "hello", "protocol": PROTOCOL_VERSION,
                "implementation": implementation, "supports": supports}

    def answer(self, line):
        """One request line in, one answer object out. Never raises."""
        try:
            request = json.loads(line)  # bytes: UTF-8 whatever the locale says
        except ValueError as e:  # includes UnicodeDecodeError
            return {"id": None, "usage_error": "not JSON: %s" % e}
        if not isinstance(request, dict):
            return {"id": None, "usage_error": "each line must be one JSON object"}
        request_id = request.get("id")  # echoed verbatim, whatever its type
        op = request.get("op")
        if op == "hello":
            return dict(self.hello(), id=request_id)
        if op not in OPERATIONS:
            return {"id": request_id, "usage_error": "unknown op %r" % (op,)}
        if "input" not in request:
            return {"id": request_id, "usage_error": 'a request needs "input"'}
        scheme = request.get("scheme")
        handler = self.handlers.get((scheme, op))
        if handler is None:
            # Never sent under v1 (the hello did not declare it); honest if it is.
            return {"id": request_id, "unsupported": True}
        try:
            result = handler(scheme, request["input"])
            if not isinstance(result, dict):
                raise TypeError("handler returned %s, not a dict" % type(result).__name__)
        except Exception as e:  # a handler bug must not kill the loop
            log("%s %s/%s: %s" % (request_id, scheme, op, traceback.format_exc()))
            return {"id": request_id, "usage_error": "%s: %s" % (type(e).__name__, e)}
        answer = dict(result)
        answer["id"] = request_id  # the loop owns the id: a handler cannot get it wrong
        return answer

    def serve(self, stdin=None, stdout=None):
        # Binary streams: the protocol is UTF-8 JSON, not the locale's encoding.
        stdin = stdin or sys.stdin.buffer
        stdout = stdout or sys.stdout.buffer
        # One request at a time: tokcheck sends the next line only after it has
        # read our answer to this one.
        while True:
            line = stdin.readline()
            if not line:  # b"" only at end of input; a blank line is b"\n"
                return  # end of input: tokcheck is done with us
            line = line.strip()
            if not line:
                continue
            answer = self.answer(line)
            # ensure_ascii keeps the line pure ASCII whatever the locale;
            # compact separators keep big answers small (1 MiB limit per line).
            try:
                text = json.dumps(answer, ensure_ascii=True, separators=(",", ":"),
                                  allow_nan=False)
            except (TypeError, ValueError) as e:  # a handler returned bytes, NaN, ...
                log("cannot encode the answer: %s" % e)
                text = json.dumps({"id": answer.get("id"),
                                   "usage_error": "answer not encodable as JSON: %s" % e})
            stdout.write(text.encode("ascii") + b"\n")
            stdout.flush()  # tokcheck waits for this line before it sends the next request
