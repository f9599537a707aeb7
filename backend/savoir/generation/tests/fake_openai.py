"""A fake OpenAI Responses API on 127.0.0.1, speaking the real wire format, so the real SDK code
path runs in tests. It checks what it receives and counts attempts."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def _strict_everywhere(schema: Any) -> bool:
    """Every object in the JSON schema forbids additional properties and requires all fields."""
    if isinstance(schema, dict):
        if schema.get("type") == "object":
            if schema.get("additionalProperties") is not False:
                return False
            if set(schema.get("required", [])) != set(schema.get("properties", {})):
                return False
        return all(_strict_everywhere(v) for v in schema.values())
    if isinstance(schema, list):
        return all(_strict_everywhere(v) for v in schema)
    return True


class FakeResponsesServer:
    def __init__(self) -> None:
        self.scenario = "ok"
        self.questions: list[dict[str, Any]] = []
        self.requests: list[dict[str, Any]] = []
        self.retry_counts: list[str | None] = []
        self.problems: list[str] = []
        self.delay = 0.0
        # Streaming pace, for benchmarks: seconds before the first token, then tokens per second
        # (about four characters a token).
        self.first_token_delay = 0.0
        self.tokens_per_second = 0.0
        self.emitted_at: list[float] = []  # when each question's last character was streamed
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append(body)
                server.retry_counts.append(self.headers.get("x-stainless-retry-count"))
                server.check(self.path, self.headers.get("Authorization", ""), body)
                status, headers, payload = server.answer(body)
                if server.delay:
                    time.sleep(server.delay)
                if status == 200 and body.get("stream"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.send_header("x-request-id", f"req_{len(server.requests)}")
                    self.end_headers()
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        for chunk in server.sse(payload):
                            self.wfile.write(chunk)
                            self.wfile.flush()
                    self.close_connection = True
                    return
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("x-request-id", f"req_{len(server.requests)}")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def start(self) -> FakeResponsesServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def check(self, path: str, authorization: str, body: dict[str, Any]) -> None:
        if path != "/v1/responses":
            self.problems.append(f"unexpected path {path}")
        if not authorization.startswith("Bearer ") or len(authorization) < 10:
            self.problems.append("no bearer key")
        text_format = body.get("text", {}).get("format", {})
        if text_format.get("type") != "json_schema" or text_format.get("strict") is not True:
            self.problems.append(f"not a strict json_schema format: {text_format.get('type')}")
        if not _strict_everywhere(text_format.get("schema")):
            self.problems.append("schema objects are not all strict")

    def _message(
        self, content: list[dict[str, Any]], status: str = "completed", incomplete: Any = None
    ) -> dict[str, Any]:
        return {
            "id": f"resp_{len(self.requests)}",
            "object": "response",
            "created_at": int(time.time()),
            "status": status,
            "model": "gpt-fake-1",
            "output": [
                {"type": "reasoning", "id": "rs_1", "summary": []},
                {
                    "type": "message",
                    "id": "msg_1",
                    "role": "assistant",
                    "status": status,
                    "content": content,
                },
            ],
            "usage": {
                "input_tokens": 1200,
                "input_tokens_details": {"cached_tokens": 0},
                "output_tokens": 900,
                "output_tokens_details": {"reasoning_tokens": 100},
                "total_tokens": 2100,
            },
            "incomplete_details": incomplete,
            "error": None,
            "parallel_tool_calls": True,
            "tool_choice": "auto",
            "tools": [],
        }

    def _error(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], dict[str, Any]]:
        body = {"error": {"message": message, "type": "error", "param": None, "code": code}}
        return status, headers or {}, body

    def answer(self, body: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        text = json.dumps({"questions": self.questions})
        scenario = self.scenario
        if scenario == "ok":
            return (
                200,
                {},
                self._message([{"type": "output_text", "text": text, "annotations": []}]),
            )
        if scenario == "refusal":
            return (
                200,
                {},
                self._message([{"type": "refusal", "refusal": "I can't help with that."}]),
            )
        if scenario == "truncated":
            return (
                200,
                {},
                self._message(
                    [{"type": "output_text", "text": text[: len(text) // 2], "annotations": []}],
                    status="incomplete",
                    incomplete={"reason": "max_output_tokens"},
                ),
            )
        if scenario == "schema_violation":
            bad = json.dumps({"questions": [{"stem": "Only a stem"}]})
            return 200, {}, self._message([{"type": "output_text", "text": bad, "annotations": []}])
        if scenario == "stream_error":
            return 200, {}, {"_stream_error": text}
        if scenario == "unauthorized":
            return self._error(401, "invalid_api_key", "Incorrect API key provided.")
        if scenario == "rate_limited":
            return self._error(429, "rate_limit_exceeded", "Slow down.", {"retry-after-ms": "10"})
        if scenario == "rate_limited_long":
            return self._error(
                429, "rate_limit_exceeded", "Slow down a lot.", {"retry-after": "300"}
            )
        if scenario == "insufficient_quota":
            return self._error(429, "insufficient_quota", "You exceeded your current quota.")
        if scenario == "server_error":
            return self._error(500, "server_error", "The server had an error.")
        raise AssertionError(f"unknown scenario {scenario}")

    def _item_ends(self) -> list[int]:
        """Offsets in the answer text where each question's JSON object ends."""
        ends, prefix = [], '{"questions": ['
        for n, question in enumerate(self.questions):
            prefix += (", " if n else "") + json.dumps(question)
            ends.append(len(prefix))
        return ends

    def sse(self, final: dict[str, Any]):
        """The Responses streaming events for `final`, in the documented order."""
        sequence = 0

        def event(kind: str, **data: Any) -> bytes:
            nonlocal sequence
            payload = {"type": kind, "sequence_number": sequence, **data}
            sequence += 1
            return f"event: {kind}\ndata: {json.dumps(payload)}\n\n".encode()

        if "_stream_error" in final:
            text, final = (
                final["_stream_error"],
                self._message([{"type": "output_text", "text": "", "annotations": []}]),
            )
        else:
            text = None
        message = final["output"][-1]
        part = (message["content"] or [{"type": "output_text", "text": "", "annotations": []}])[0]
        start = {**final, "status": "in_progress", "output": [], "usage": None}
        yield event("response.created", response=start)
        yield event("response.in_progress", response=start)
        item_in_progress = {**message, "status": "in_progress", "content": []}
        yield event("response.output_item.added", output_index=0, item=item_in_progress)
        where = {"item_id": message["id"], "output_index": 0, "content_index": 0}
        empty = (
            {"type": part["type"], "annotations": [], "text": ""}
            if part["type"] == "output_text"
            else {"type": "refusal", "refusal": ""}
        )
        yield event("response.content_part.added", **where, part=empty)
        if self.first_token_delay:
            time.sleep(self.first_token_delay)
        if text is not None:  # a stream that breaks off with an error event
            yield event(
                "response.output_text.delta", **where, delta=text[: len(text) // 3], logprobs=[]
            )
            yield event("error", code="server_error", message="The model crashed.", param=None)
            return
        if part["type"] == "refusal":
            yield event("response.refusal.delta", **where, delta=part["refusal"])
            yield event("response.refusal.done", **where, refusal=part["refusal"])
        else:
            body = part["text"]
            ends = self._item_ends()
            step = 16
            for i in range(0, len(body), step):
                if self.tokens_per_second:
                    time.sleep(step / 4 / self.tokens_per_second)
                yield event(
                    "response.output_text.delta", **where, delta=body[i : i + step], logprobs=[]
                )
                while ends and ends[0] <= i + step:
                    ends.pop(0)
                    self.emitted_at.append(time.perf_counter())
            if final["status"] == "incomplete":
                yield event("response.incomplete", response=final)
                return
            yield event("response.output_text.done", **where, text=body, logprobs=[])
        yield event("response.content_part.done", **where, part=part)
        yield event("response.output_item.done", output_index=0, item=message)
        yield event("response.completed", response=final)
