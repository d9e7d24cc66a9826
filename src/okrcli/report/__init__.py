"""View models (pure) and renderers: terminal (rich), Markdown, HTML, JSON, CSV and CI formats."""
