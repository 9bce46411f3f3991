"""`stationmap` on the command line: the same functions as the window, headless.

Exit codes: 0 done (an import with rejected rows is done), 1 unexpected error
(one line on stderr; the traceback goes to the log file), 2 a file or project
that cannot be used (one translated line on stderr, never a traceback).
Heavy modules are imported inside the commands so `--help` and `--version` are instant.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Sequence

from stationmap import __version__

EXIT_OK, EXIT_UNEXPECTED, EXIT_UNUSABLE = 0, 1, 2
log = logging.getLogger("stationmap.cli")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("es", "en"), default=argparse.SUPPRESS,
                        help="idioma de los mensajes / message language (es)")
    parser = argparse.ArgumentParser(
        prog="stationmap", parents=[common],
        description="StationMap: mapa del delito y plan de patrullaje sin conexión / "
                    "offline crime mapping and patrol planning.")
    parser.add_argument("--version", action="version", version=f"stationmap {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="comprobar esta instalación sin red / check this installation offline")
    parser.add_argument("--startup-probe", type=Path, metavar="PROJECT", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    importing = commands.add_parser("import", parents=[common],
                                    help="importar archivos de incidentes / import incident files")
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                           help="archivos o carpetas / files or folders")
    importing.add_argument("--project", required=True, type=Path,
                           help="proyecto .stationmap (se crea si falta) / project, created if missing")
    importing.add_argument("--mapping", type=Path, metavar="PROFILE.json",
                           help="perfil de columnas / column mapping profile")
    importing.add_argument("--report", type=Path, metavar="REPORT.json",
                           help="guardar el informe JSON / write the JSON report")
    importing.add_argument("--sheet", help="hoja de Excel / Excel sheet")

    sample = commands.add_parser("sample", parents=[common],
                                 help="crear el proyecto de ejemplo / write the sample project")
    sample.add_argument("--project", required=True, type=Path)

    plan = commands.add_parser("plan", parents=[common],
                               help="plan de patrullaje y sus exportaciones / patrol plan and its exports")
    plan.add_argument("--project", required=True, type=Path)
    # Dates are read in _plan, once --lang is known, so a bad one is explained in the user's language.
    plan.add_argument("--from", dest="start", required=True, metavar="DD/MM/YYYY",
                      help="primer día / first day (dd/mm/aaaa o/or aaaa-mm-dd)")
    plan.add_argument("--to", dest="end", required=True, metavar="DD/MM/YYYY",
                      help="último día / last day (dd/mm/aaaa o/or aaaa-mm-dd)")
    plan.add_argument("--units", type=Path, metavar="SPEC.json",
                      help="unidades por turno / units per shift (JSON)")
    plan.add_argument("--sectors", type=int, default=6,
                      help="sectores a generar si el proyecto no tiene / sectors to make when the project has none")
    plan.add_argument("--seed", type=int, default=0, help="semilla del orden de visitas / visit order seed")
    plan.add_argument("--author", default="", help="quién elabora el plan / who makes the plan")
    plan.add_argument("--out", required=True, type=Path)

    brief = commands.add_parser("brief", parents=[common],
                                help="informe semanal / weekly brief")
    brief.add_argument("--project", required=True, type=Path)
    brief.add_argument("--week", required=True, metavar="YYYY-Www", help="semana ISO, p. ej. 2026-W47")
    brief.add_argument("--threshold", type=int, default=3,
                       help="cifra mínima en la versión comunitaria, 1 o más / smallest count in the community "
                            "version, 1 or more (3)")
    brief.add_argument("--out", required=True, type=Path)

    gui = commands.add_parser("gui", parents=[common], help="abrir la ventana / open the window")
    gui.add_argument("file", nargs="?", type=Path, help="proyecto a abrir / project to open")
    gui.add_argument("--sample", action="store_true",
                     help="abrir la estación de ejemplo / open the sample station")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from stationmap.core.messages import set_language
    from stationmap.store.portable import enable_portable_mode

    enable_portable_mode()  # before anything reads the data folder: settings, log, sample

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
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence: a message, never a traceback
        return _report_failure(error)


def _report_failure(error: Exception) -> int:
    from stationmap.core.errors import StationMapError
    from stationmap.core.messages import render
    from stationmap.store.paths import setup_file_logging

    if isinstance(error, StationMapError):
        print(f"stationmap: {error.message()}", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        log_file = setup_file_logging()
        log.exception("unexpected error in the command line")
    except OSError:
        log_file = Path("(sin registro / no log)")
    print(f"stationmap: {render('project.unexpected', {'error': type(error).__name__, 'log': log_file})}",
          file=sys.stderr)
    return EXIT_UNEXPECTED


def _import(args: argparse.Namespace) -> int:
    from stationmap.store.import_job import ImportRequest, run

    mapping = _load_mapping(args.mapping) if args.mapping else None
    if args.report:
        _check_writable(args.report)   # before importing: a lost report after a committed import is worse
    project = _project_path(args.project)
    report = run(ImportRequest(project, list(args.paths), mapping, args.sheet))
    data = report.to_json()
    _print_summary(data, args.report)
    if args.report:
        args.report.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        print(_render("project.report_written", path=args.report))
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
    print(_render("project.import_summary", **data))
    for summary in data["files"]:
        print(f"  {summary['file']}: {summary['imported']} / {summary['rows_read']} "
              f"({summary['kind']})")
    for rejection in data.get("rejections", [])[:SUMMARY_REJECTIONS]:
        print(_rejection_line(rejection))
    _print_more("project.summary_more_rejections", len(data.get("rejections", [])) - SUMMARY_REJECTIONS,
                report_path)
    for warning in data["warnings"][:SUMMARY_WARNINGS]:
        print(_render("project.summary_warning", file=Path(warning["file"]).name, message=warning["message"]))
    _print_more("project.summary_more_warnings", len(data["warnings"]) - SUMMARY_WARNINGS, report_path)


def _rejection_line(rejection: dict) -> str:
    """One rejected row: file, row and reason (the row said once: most reasons already begin with it)."""
    from stationmap.core.messages import catalog

    says_row = "{row}" in " ".join(catalog().get(rejection["code"], {}).values())
    code = "project.summary_rejection_plain" if says_row else "project.summary_rejection"
    return _render(code, file=Path(rejection["file"]).name, row=rejection["row"], message=rejection["message"])


def _print_more(code: str, count: int, report_path: Path | None) -> None:
    """'…and N more', pointing at the report being written or at --report."""
    if count > 0:
        print(_render(code + "_in", count=count, path=report_path) if report_path else _render(code, count=count))


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
    print(_render("project.sample_written", path=result.path))
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
        print(_render("commands.sectors_generated", count=len(result.plan.sectors)))
    for warning in result.plan.warning_texts():   # also printed in the plan's PDF and HTML
        print(f"! {warning}")
    print(_render("commands.plan_written", files=len(result.files), out=args.out,
                  points=len(result.plan.critical_points)))
    return EXIT_OK


def _brief(args: argparse.Namespace) -> int:
    from stationmap.reports.jobs import BriefRequest, run_brief

    # run_brief refuses a threshold below 1, an --out that is a file or cannot be made, and a week the
    # data do not cover, each with one translated line, before it writes anything.
    files = run_brief(BriefRequest(args.project, args.week, args.out, args.threshold))
    if files.provisional_sectors:   # the project is left as it was: say where the sectors came from
        print(_render("brief.provisional_sectors", count=files.provisional_sectors))
    print(_render("commands.brief_written", files=len(files), out=args.out))
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
