"""Messages of the analyst's tools in the window (weekly brief dialog, category editor).

The brief dialog's refusals (an output folder that cannot be written, a week without data) come
from reports.jobs and are worded in core/catalog/brief.py, the same lines the CLI prints.
"""

MESSAGES: dict[str, dict[str, str]] = {}
