"""`stationmap` on the command line: the same functions as the window, headless.

Exit codes: 0 done (an import with rejected rows is done), 1 unexpected error
(one line on stderr; the traceback goes to the log file), 2 a file or project
that cannot be used (one translated line on stderr, never a traceback).

Every command prints only once its work is done and its files are written (the --report of an import
included), so a reader that stops reading early (`stationmap import … | head -2`) ends the command quietly,
as Unix tools end, with exit code 0: the work was done, and the exit code says so to a script, even under
`set -o pipefail`. (Python's documented habit for a closed pipe is exit code 1, which here means an
unexpected error; 141, a death by SIGPIPE, would tell a script its import failed when it was committed.)
Heavy modules are imported inside the commands so `--help` and `--version` are instant.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from pathlib import Path
from typing import Sequence

from stationmap import __version__
from stationmap.console import ReaderGone, complain, discard_stdout, say

EXIT_OK, EXIT_UNEXPECTED, EXIT_UNUSABLE = 0, 1, 2
log = logging.getLogger("stationmap.cli")


def build_parser() -> argparse.ArgumentParser:
    """The command line, its help in the current message language (core.messages.set_language first)."""
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=("es", "en"), default=argparse.SUPPRESS, help=_render("commands.help_lang"))
    parser = _Parser(prog="stationmap", parents=[common], description=_render("commands.help_description"),
                     epilog=_where_things_go())
    parser.add_argument("--version", action="version", version=f"stationmap {__version__}",
                        help=_render("commands.help_version"))
    parser.add_argument("--self-test", action="store_true", help=_render("commands.help_self_test"))
    parser.add_argument("--startup-probe", type=Path, metavar="PROJECT", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", help=_render("commands.help_commands"))

    importing = commands.add_parser("import", parents=[common], help=_render("commands.help_import"))
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=_render("commands.help_paths"))
    importing.add_argument("--project", required=True, type=Path, help=_render("commands.help_import_project"))
    importing.add_argument("--mapping", type=Path, metavar="PROFILE.json", help=_render("commands.help_mapping"))
    importing.add_argument("--report", type=Path, metavar="REPORT.json", help=_render("commands.help_report"))
    importing.add_argument("--sheet", help=_render("commands.help_sheet"))

    sample = commands.add_parser("sample", parents=[common], help=_render("commands.help_sample"))
    sample.add_argument("--project", required=True, type=Path, help=_render("commands.help_sample_project"))

    plan = commands.add_parser("plan", parents=[common], help=_render("commands.help_plan"))
    plan.add_argument("--project", required=True, type=Path, help=_render("commands.help_project"))
    # Dates are read in _plan, once --lang is known, so a bad one is explained in the user's language.
    plan.add_argument("--from", dest="start", required=True, metavar="DD/MM/YYYY", help=_render("commands.help_from"))
    plan.add_argument("--to", dest="end", required=True, metavar="DD/MM/YYYY", help=_render("commands.help_to"))
    plan.add_argument("--units", type=Path, metavar="SPEC.json", help=_render("commands.help_units"))
    plan.add_argument("--sectors", type=int, default=6, help=_render("commands.help_sectors"))
    plan.add_argument("--seed", type=int, default=0, help=_render("commands.help_seed"))
    plan.add_argument("--author", default="", help=_render("commands.help_author"))
    plan.add_argument("--out", required=True, type=Path, help=_render("commands.help_plan_out"))

    brief = commands.add_parser("brief", parents=[common], help=_render("commands.help_brief"))
    brief.add_argument("--project", required=True, type=Path, help=_render("commands.help_project"))
    brief.add_argument("--week", required=True, metavar="YYYY-Www", help=_render("commands.help_week"))
    brief.add_argument("--threshold", type=int, default=3, help=_render("commands.help_threshold"))
    brief.add_argument("--out", required=True, type=Path, help=_render("commands.help_brief_out"))

    gui = commands.add_parser("gui", parents=[common], help=_render("commands.help_gui"))
    gui.add_argument("file", nargs="?", type=Path, help=_render("commands.help_file"))
    gui.add_argument("--sample", action="store_true", help=_render("commands.help_open_sample"))
    return parser


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help text whose headings are in the user's language ("uso:", "opciones:"); description and epilog
    as written, so that a path is never wrapped."""

    # argparse's own section titles (before Python 3.10, "optional arguments").
    HEADINGS = {"positional arguments": "commands.help_positionals", "options": "commands.help_options",
                "optional arguments": "commands.help_options"}

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, _render("commands.help_usage") if prefix is None else prefix)

    def start_section(self, heading):
        super().start_section(_render(self.HEADINGS[heading]) if heading in self.HEADINGS else heading)


class _Parser(argparse.ArgumentParser):
    """argparse speaking the user's language: its headings (_Formatter), -h/--help and its complaints come
    from the message catalog (argparse itself only knows English unless a gettext catalog is installed).
    Subcommands are made of this class too (add_subparsers uses the parser's own type)."""

    def __init__(self, *args, add_help: bool = True, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=_render("commands.help_help"))

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNUSABLE, _render("commands.cli_error", prog=self.prog, message=_argparse_message(message))
                  + "\n")


# argparse's complaints (Python 3.12's wording): the usual ones are said again in the user's language;
# any other is shown as argparse wrote it.
_ARGPARSE_MESSAGES = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "commands.cli_required"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "commands.cli_unrecognized"),
    (re.compile(r"argument (?P<name>\S+?): invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)"),
     "commands.cli_invalid_choice"),
    (re.compile(r"argument (?P<name>\S+?): expected one argument"), "commands.cli_expected_one"),
    (re.compile(r"argument (?P<name>\S+?): invalid \S+ value: (?P<value>.+)"), "commands.cli_invalid_value"),
)


def _argparse_message(message: str) -> str:
    for pattern, code in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message)
        if match:
            return _render(code, **match.groupdict())
    return message


def _where_things_go() -> str:
    """The log file of this run, portable or not, for the end of `--help` (no folder is made for it)."""
    from stationmap.store.paths import log_path
    from stationmap.store.portable import active_portable_dir

    lines = [_render("commands.help_log", path=log_path(create=False))]
    portable = active_portable_dir()
    if portable is not None:
        lines.append(_render("commands.help_portable", folder=portable))
    return "\n".join(lines)


def _requested_language(argv: Sequence[str]) -> str:
    """The --lang of a command line not parsed yet: the help must be built in it."""
    for position, argument in enumerate(argv):
        if argument == "--lang" and position + 1 < len(argv):
            return argv[position + 1]
        if argument.startswith("--lang="):
            return argument.partition("=")[2]
    return "es"


def main(argv: Sequence[str] | None = None) -> int:
    from stationmap.core.messages import set_language
    from stationmap.store.portable import enable_portable_mode

    argv = sys.argv[1:] if argv is None else list(argv)
    enable_portable_mode()  # before anything reads the data folder: settings, log, sample, --help's log line
    set_language(_requested_language(argv))
    args = build_parser().parse_args(argv)
    set_language(getattr(args, "lang", "es"))
    try:
        if args.self_test or args.startup_probe:
            from stationmap import selftest

            return selftest.startup_probe(args.startup_probe) if args.startup_probe else selftest.run()
        if args.command == "import":
            return _import(args)
        if args.command == "sample":
            return _sample(args)
        if args.command == "plan":
            return _plan(args)
        if args.command == "brief":
            return _brief(args)
        return _gui(getattr(args, "file", None), getattr(args, "sample", False))
    except ReaderGone:
        discard_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence: a message, never a traceback
        return _report_failure(error)


def _report_failure(error: Exception) -> int:
    from stationmap.core.errors import StationMapError
    from stationmap.core.messages import render
    from stationmap.store.paths import setup_file_logging

    if isinstance(error, StationMapError):
        complain(f"stationmap: {error.message()}")
        return EXIT_UNUSABLE
    try:
        log_file = setup_file_logging()
        log.exception("unexpected error in the command line")
    except OSError:
        log_file = Path("(sin registro / no log)")
    complain(f"stationmap: {render('project.unexpected', {'error': type(error).__name__, 'log': log_file})}")
    return EXIT_UNEXPECTED


def _import(args: argparse.Namespace) -> int:
    from stationmap.store.import_job import ImportRequest, run

    mapping = _load_mapping(args.mapping) if args.mapping else None
    if args.report:
        _check_writable(args.report)   # before importing: a lost report after a committed import is worse
    project = _project_path(args.project)
    report = run(ImportRequest(project, list(args.paths), mapping, args.sheet))
    data = report.to_json()
    if args.report:   # before any output: the import is committed, its report must not hang on stdout
        args.report.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    _print_summary(data, args.report)
    if args.report:
        say(_render("project.report_written", path=args.report))
    return EXIT_OK


def _project_path(path: Path) -> Path:
    """A new project's file gets the .stationmap suffix, as the window gives it; an existing file is used as named."""
    from stationmap.store.project import with_project_suffix

    return path if path.exists() else with_project_suffix(path)


def _check_writable(path: Path) -> None:
    """Raise InputFileError when the report cannot be written at `path` (no folder, no permission)."""
    from stationmap.core.errors import InputFileError

    if not path.parent.is_dir():
        raise InputFileError("project.report_no_folder", path=str(path), folder=str(path.parent))
    existed = path.exists()
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "es una carpeta / is a folder")
        with path.open("a", encoding="utf-8"):
            pass
    except OSError as error:
        raise InputFileError("project.report_unwritable", path=str(path),
                             detail=error.strerror or str(error)) from None
    if not existed:
        path.unlink(missing_ok=True)


# Lines of each kind the summary shows; the rest are in the JSON report.
SUMMARY_REJECTIONS, SUMMARY_WARNINGS = 5, 10


def _print_summary(data: dict, report_path: Path | None = None) -> None:
    say(_summary_headline(data))
    for summary in data["files"]:
        kind = summary["kind"]
        say(_render("commands.import_file", file=summary["file"], imported=_count(summary["imported"]),
                     rows_read=_count(summary["rows_read"]),
                     kind=_render(f"commands.kind.{kind}") if _has_message(f"commands.kind.{kind}") else kind))
    for rejection in data.get("rejections", [])[:SUMMARY_REJECTIONS]:
        say(_rejection_line(rejection))
    _print_more("commands.summary_more_rejections", len(data.get("rejections", [])) - SUMMARY_REJECTIONS,
                report_path)
    for warning in data["warnings"][:SUMMARY_WARNINGS]:
        say(_render("project.summary_warning", file=Path(warning["file"]).name, message=warning["message"]))
    _print_more("commands.summary_more_warnings", len(data["warnings"]) - SUMMARY_WARNINGS, report_path)


def _summary_headline(data: dict) -> str:
    """"36,870 filas leídas: 36,860 importadas, 0 duplicadas, 10 rechazadas.", each figure in its own
    singular or plural and grouped as the window groups it."""
    return _render("commands.import_summary",
                   rows_read=_render("commands.import_rows_read", count=data["rows_read"]),
                   imported=_render("commands.import_imported", count=data["imported"]),
                   duplicates=_render("commands.import_duplicates", count=data["duplicates"]),
                   rejected=_render("commands.import_rejected", count=data["rejected"]))


def _count(value) -> str:
    """A count as the window and the catalog's {count} write it: "13,220"."""
    from stationmap.core.numbers import count_text

    return count_text(value)


def _has_message(code: str) -> bool:
    from stationmap.core.messages import catalog

    return code in catalog()


def _rejection_line(rejection: dict) -> str:
    """One rejected row: file, row and reason (the row said once: most reasons already begin with it)."""
    from stationmap.core.messages import catalog

    says_row = "{row}" in " ".join(catalog().get(rejection["code"], {}).values())
    code = "project.summary_rejection_plain" if says_row else "project.summary_rejection"
    return _render(code, file=Path(rejection["file"]).name, row=rejection["row"], message=rejection["message"])


def _print_more(code: str, count: int, report_path: Path | None) -> None:
    """'…and N more', pointing at the report being written or at --report."""
    if count > 0:
        say(_render(code + "_in", count=count, path=report_path) if report_path else _render(code, count=count))


def _load_mapping(path: Path):
    from stationmap.core.errors import InputFileError, MappingError
    from stationmap.io.mapping import ColumnMapping

    try:
        return ColumnMapping.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, MappingError) as error:
        raise InputFileError("project.mapping_file_bad", path=str(path), detail=str(error)) from error


def _sample(args: argparse.Namespace) -> int:
    from stationmap.store.sample import write_sample_project

    result = write_sample_project(args.project)
    _print_summary(result.report.to_json())
    say(_render("project.sample_written", path=result.path))
    return EXIT_OK


def _plan_date(text: str):
    """A plan date as Peruvians write it (16/11/2026) or ISO (2026-11-16)."""
    from datetime import date, datetime

    from stationmap.core.errors import StationMapError

    for parse in (date.fromisoformat, lambda t: datetime.strptime(t, "%d/%m/%Y").date()):
        try:
            return parse(text.strip())
        except ValueError:
            continue
    raise StationMapError("plan.bad_date", text=text)


def _plan(args: argparse.Namespace) -> int:
    from stationmap.planning.plan import UnitsSpec
    from stationmap.reports.jobs import DEFAULT_UNITS, PlanRequest, run_plan

    start, end = _plan_date(args.start), _plan_date(args.end)
    units = UnitsSpec.load(args.units) if args.units else DEFAULT_UNITS
    result = run_plan(PlanRequest(args.project, start, end, args.out, units, args.sectors,
                                  args.seed, args.author))
    if result.sectors_generated:
        code = "commands.sectors_generated" if result.sectors_kept else "commands.sectors_generated_not_kept"
        say(_render(code, count=len(result.plan.sectors)))
    for warning in result.plan.warning_texts():   # also printed in the plan's PDF and HTML
        say(f"! {warning}")
    say(_render("commands.plan_written", files=_count(len(result.files)), out=args.out,
                 count=len(result.plan.critical_points)))
    return EXIT_OK


def _brief(args: argparse.Namespace) -> int:
    from stationmap.reports.jobs import BriefRequest, run_brief

    # run_brief refuses a threshold below 1, an --out that is a file or cannot be made, and a week the
    # data do not cover, each with one translated line, before it writes anything.
    files = run_brief(BriefRequest(args.project, args.week, args.out, args.threshold))
    if files.provisional_sectors:   # the project is left as it was: say where the sectors came from
        say(_render("brief.provisional_sectors", count=files.provisional_sectors))
    say(_render("commands.brief_written", files=_count(len(files)), out=args.out))
    return EXIT_OK


def _gui(file: Path | None, sample: bool) -> int:
    if sample:
        from stationmap.store.paths import sample_project_path
        from stationmap.store.sample import write_sample_project

        file = sample_project_path()
        if not file.exists():  # made once; a trainer resets by deleting it
            write_sample_project(file)
    from stationmap.app import run_gui

    return run_gui(file)


def _render(code: str, **data: object) -> str:
    from stationmap.core.messages import render

    return render(code, data)


if __name__ == "__main__":
    sys.exit(main())
