/**
 * A search snippet whose matches the core wrapped in 【 】, shown with <mark> elements built as React
 * nodes (the text is never parsed as HTML).
 */
export function SnippetText({ snippet }: { snippet: string }) {
  const parts = snippet.split(/【([^】]*)】/);
  return (
    <span data-testid="hit-snippet">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="cb-scan-mark">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </span>
  );
}
