"""Talking to the model: the OpenAI Responses API through the official SDK, with structured
output. OPENAI_BASE_URL lets Ollama, vLLM or LM Studio stand in for OpenAI."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import ijson
import openai
import pydantic
from django.conf import settings
from pydantic import BaseModel, ConfigDict, Field

PROMPT_VERSION = "question-v1"
PROMPT = (Path(__file__).parent / "prompts" / f"{PROMPT_VERSION}.md").read_text(encoding="utf-8")
MAX_RETRIES = 2
RETRY_AFTER_CAP_SECONDS = 20.0
# What generate() tells its caller it is doing (the run's stages, models.RunStage).
STAGE_WAITING, STAGE_WRITING, STAGE_RETRYING = "waiting", "writing", "retrying"
# USD per million tokens (input, output), to estimate what each run cost; unknown models count 0.
PRICES: dict[str, tuple[Decimal, Decimal]] = {
    "gpt-4.1-mini": (Decimal("0.40"), Decimal("1.60")),
    "gpt-4.1": (Decimal("2.00"), Decimal("8.00")),
    "gpt-4o-mini": (Decimal("0.15"), Decimal("0.60")),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GeneratedChoice(_Strict):
    text: str = Field(description="The option as the learner reads it.")
    explanation: str = Field(description="Why it is right, or why it is wrong.")
    misconception: str | None = Field(
        description="For a distractor: the misconception it represents."
    )


class GeneratedQuestion(_Strict):
    stem: str
    explanation: str = Field(description="Why the correct answer is right, two or three sentences.")
    correct: GeneratedChoice
    distractors: list[GeneratedChoice] = Field(description="Exactly three wrong options.")


class GeneratedBatch(_Strict):
    """The model returns the key and the distractors apart: the server shuffles them."""

    questions: list[GeneratedQuestion]


class GenerationFailure(Exception):
    """A run that cannot produce questions; `code` is shown (localized) to the learner."""

    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail}")


@dataclass
class ModelOutput:
    input_tokens: int
    output_tokens: int
    attempts: int
    model: str
    items: int  # questions the model delivered


class _ItemSink:
    """Receives each question from ijson the moment its closing brace arrives."""

    def __init__(self, on_item: Callable[[GeneratedQuestion | None, dict[str, Any]], None]) -> None:
        self.on_item = on_item
        self.count = 0

    def send(self, value: dict[str, Any]) -> None:
        self.count += 1
        try:
            self.on_item(GeneratedQuestion.model_validate(value), value)
        except pydantic.ValidationError:
            self.on_item(None, value)  # one malformed item; the gate records it as such


def generation_available() -> bool:
    return bool(settings.OPENAI_API_KEY or settings.OPENAI_BASE_URL)


def client() -> openai.OpenAI:
    # Retries are ours (below): the SDK would also retry a 429 insufficient_quota, which must not be.
    return openai.OpenAI(
        api_key=settings.OPENAI_API_KEY or "not-needed-for-local-servers",
        base_url=settings.OPENAI_BASE_URL or None,
        timeout=settings.GENERATION_TIMEOUT_SECONDS,
        max_retries=0,
    )


def estimate_cost(model: str, input_tokens: int, output_tokens: int) -> Decimal:
    price_in, price_out = PRICES.get(model, (Decimal(0), Decimal(0)))
    return (price_in * input_tokens + price_out * output_tokens) / Decimal(1_000_000)


def _retry_after(error: openai.APIStatusError) -> float | None:
    headers = error.response.headers
    try:
        if "retry-after-ms" in headers:
            return float(headers["retry-after-ms"]) / 1000
        if "retry-after" in headers:
            return float(headers["retry-after"])
    except ValueError:
        return None
    return None


def _no_progress(stage: str) -> None:
    pass


def generate(
    *,
    instructions: str,
    prompt: str,
    on_item: Callable[[GeneratedQuestion | None, dict[str, Any]], None],
    on_progress: Callable[[str], None] = _no_progress,
    sleep: Any = time.sleep,
) -> ModelOutput:
    """Stream the model's answer and hand over each question as soon as it is complete, so the
    first one can be checked, stored and shown while the model writes the next. Retries (at most
    MAX_RETRIES) happen only before anything was delivered.

    `on_progress` hears "waiting" when a request goes out, "writing" with every streamed chunk
    and "retrying" before a pause between attempts. An exception raised by a callback is not
    ours: it ends the stream (closing the connection) and reaches the caller unchanged."""
    model = settings.OPENAI_MODEL
    backoff = settings.GENERATION_RETRY_BACKOFF_SECONDS
    attempts = 0
    sink = _ItemSink(on_item)

    def pause(seconds: float) -> None:
        on_progress(STAGE_RETRYING)
        sleep(seconds)

    while True:
        attempts += 1
        on_progress(STAGE_WAITING)
        try:
            return _stream_once(model, instructions, prompt, sink, attempts, on_progress)
        except openai.AuthenticationError as exc:
            raise GenerationFailure(
                "configuration", f"401 from the model server: {exc.message}"
            ) from None
        except openai.RateLimitError as exc:
            body = exc.body if isinstance(exc.body, dict) else {}
            if (body.get("code") or getattr(exc, "code", None)) == "insufficient_quota":
                raise GenerationFailure("quota_exhausted", exc.message) from None
            wait = _retry_after(exc)
            if (
                sink.count
                or attempts > MAX_RETRIES
                or (wait is not None and wait > RETRY_AFTER_CAP_SECONDS)
            ):
                raise GenerationFailure("rate_limited", exc.message) from None
            pause(wait if wait is not None else backoff * 2**attempts)
        except (openai.APITimeoutError, openai.APIConnectionError) as exc:
            if sink.count or attempts > MAX_RETRIES:
                code = "timeout" if isinstance(exc, openai.APITimeoutError) else "unreachable"
                raise GenerationFailure(code, str(exc)) from None
            pause(backoff * 2**attempts)
        except openai.APIStatusError as exc:
            retryable = exc.status_code >= 500 or exc.status_code in {408, 409}
            if sink.count or not retryable or attempts > MAX_RETRIES:
                raise GenerationFailure(
                    "model_error", f"{exc.status_code}: {exc.message}"
                ) from None
            pause(_retry_after(exc) or backoff * 2**attempts)


def _stream_once(
    model: str,
    instructions: str,
    prompt: str,
    sink: _ItemSink,
    attempts: int,
    on_progress: Callable[[str], None],
) -> ModelOutput:
    # Numbers as floats: a malformed item is stored as it came (RejectedItem.payload, JSON).
    splitter = ijson.items_coro(sink, "questions.item", use_float=True)
    with client().responses.stream(
        model=model,
        instructions=instructions,
        input=prompt,
        text_format=GeneratedBatch,
        max_output_tokens=8000,
    ) as stream:
        try:
            for event in stream:
                if event.type == "response.output_text.delta":
                    on_progress(STAGE_WRITING)
                    splitter.send(event.delta.encode())
                elif event.type == "error":
                    raise GenerationFailure("model_error", f"{event.code}: {event.message}")
            response = stream.get_final_response()
        except (ijson.JSONError, ijson.IncompleteJSONError, pydantic.ValidationError) as exc:
            # Truncated text or text that breaks the schema (ai-generation.md).
            raise GenerationFailure("invalid_output", str(exc)[:500]) from None
        except RuntimeError as exc:  # the stream ended with response.incomplete or response.failed
            raise GenerationFailure("invalid_output", str(exc)) from None
    if response.output_parsed is None and sink.count == 0:
        raise GenerationFailure("refused", "the model refused or returned no structured output")
    usage = response.usage
    return ModelOutput(
        input_tokens=usage.input_tokens if usage else 0,
        output_tokens=usage.output_tokens if usage else 0,
        attempts=attempts,
        model=response.model or model,
        items=sink.count,
    )
