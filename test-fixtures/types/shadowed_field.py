"""Portfolio of positions held by one investor."""

from dataclasses import dataclass, field


@dataclass
class Portfolio:
    """Shares held, per ticker symbol."""

    owner: str
    positions: dict[str, int] = field(default_factory=dict)

    def buy(self, ticker: str, shares: int) -> None:
        """Add shares of a ticker."""
        self.positions[ticker] = self.positions.get(ticker, 0) + shares

    def held(self, ticker: str) -> int:
        """Return the shares held of one ticker."""
        return self.positions[ticker]

    def positions(self) -> list[str]:
        """Return the tickers held, sorted."""
        return sorted(self.positions)
