"""View models (pure) and renderers: terminal, markdown, html, json."""
