// The Python half of the sandbox, run once when a worker starts. It gives learner code fresh
// restricted builtins, an import allowlist (modules arrive as copies, so changing them changes
// nothing for the next learner), a check against the attribute tricks that climb out of restricted
// Python, capped output, and reports each hidden test as passed or failed, never its source.
export const pythonRunnerSource = String.raw`
import ast, builtins, json, sys, types

_ALLOWED = frozenset("""
math cmath random statistics fractions decimal itertools functools collections collections.abc heapq bisect
re json copy datetime dataclasses enum typing abc numbers textwrap unicodedata array
""".split())
for _name in sorted(_ALLOWED):
    __import__(_name)

_OK_DUNDERS = frozenset("""
__init__ __name__ __qualname__ __doc__ __class__ __len__ __str__ __repr__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__
__hash__ __add__ __sub__ __mul__ __truediv__ __floordiv__ __mod__ __pow__ __neg__ __abs__ __iter__ __next__
__contains__ __getitem__ __setitem__ __delitem__ __call__ __enter__ __exit__ __bool__ __post_init__ __main__
""".split())
_DENIED_ATTRS = frozenset("""
f_globals f_locals f_builtins f_back f_code tb_frame tb_next gi_frame gi_code gi_yieldfrom cr_frame cr_code
ag_frame ag_code co_consts mro format_map get_field _evaluate _eval_type get_type_hints _getframe
""".split())
# Public names that evaluate strings with globals the caller chooses: left out of module copies.
_HIDDEN = frozenset(["typing.get_type_hints", "typing.ForwardRef", "typing.evaluate_forward_ref"])
_DENIED_NAMES = frozenset(["__builtins__", "__import__", "__loader__", "__spec__", "__build_class__"])

class _OutputLimit(BaseException):
    pass

class _Writer:
    def __init__(self, limit):
        self.parts = []
        self.size = 0
        self.limit = limit
        self.exceeded = False
    def write(self, text):
        text = str(text)
        if self.size + len(text) > self.limit:
            self.parts.append(text[: max(0, self.limit - self.size)])
            self.size = self.limit
            self.exceeded = True
            raise _OutputLimit()
        self.parts.append(text)
        self.size += len(text)
        return len(text)
    def flush(self):
        pass

def _blocked_name(name):
    return (name.startswith("__") and name.endswith("__") and name not in _OK_DUNDERS) or name in _DENIED_ATTRS

def _checked_compile(source, filename, mode="exec"):
    tree = ast.parse(source, filename, mode)
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Attribute):
            names.append(node.attr)
        elif isinstance(node, ast.Name) and node.id in _DENIED_NAMES:
            names.append(node.id)
        elif isinstance(node, ast.MatchClass):
            names.extend(node.kwd_attrs)
        for name in names:
            if _blocked_name(name) or name in _DENIED_NAMES:
                raise PermissionError(f"line {getattr(node, 'lineno', '?')}: '{name}' is not available in exercises")
    return compile(tree, filename, mode)

def _copy_module(name, cache):
    if name in cache:
        return cache[name]
    real = sys.modules[name]
    copy = types.ModuleType(name, getattr(real, "__doc__", None))
    cache[name] = copy
    for key, value in list(vars(real).items()):
        if key.startswith("_") or f"{name}.{key}" in _HIDDEN:
            continue
        if isinstance(value, types.ModuleType):
            if f"{name}.{key}" in _ALLOWED:
                setattr(copy, key, _copy_module(f"{name}.{key}", cache))
            continue
        setattr(copy, key, value)
    return copy

def _make_builtins(imported):
    cache = {}
    def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level:
            raise ImportError("relative imports are not available in exercises")
        if name not in _ALLOWED:
            raise ImportError(f"import of '{name}' is not allowed in exercises")
        imported.add(name.split(".")[0])
        if "." in name:
            imported.add(name)
        if fromlist or "." not in name:
            return _copy_module(name, cache)
        return _copy_module(name.split(".")[0], cache)
    def guarded_getattr(obj, name, *default):
        if _blocked_name(name):
            raise PermissionError(f"'{name}' is not available in exercises")
        return getattr(obj, name, *default)
    def guarded_hasattr(obj, name):
        return not _blocked_name(name) and hasattr(obj, name)
    def guarded_setattr(obj, name, value):
        if _blocked_name(name):
            raise PermissionError(f"'{name}' is not available in exercises")
        setattr(obj, name, value)
    def guarded_delattr(obj, name):
        if _blocked_name(name):
            raise PermissionError(f"'{name}' is not available in exercises")
        delattr(obj, name)
    def guarded_vars(*args):
        if not args:
            raise PermissionError("vars() without an argument is not available in exercises; use globals() or locals()")
        return {key: value for key, value in vars(args[0]).items() if not _blocked_name(key)}
    def guarded_compile(source, filename="<string>", mode="exec", *args, **kwargs):
        if isinstance(source, (str, bytes)):
            return _checked_compile(source if isinstance(source, str) else source.decode(), filename, mode)
        raise PermissionError("compile() takes source text in exercises")
    def guarded_run(runner, mode):
        def run(source, globals=None, locals=None):
            if globals is None:
                globals = sys._getframe(1).f_globals
            if not isinstance(globals, dict):
                raise TypeError("globals must be a dict")
            globals["__builtins__"] = safe
            code = _checked_compile(source, "<string>", mode) if isinstance(source, (str, bytes)) else source
            return runner(code, globals, locals)
        return run
    safe = dict(vars(builtins))
    for name in ["open", "input", "breakpoint", "help", "exit", "quit", "copyright", "credits", "license", "__loader__", "__spec__"]:
        safe.pop(name, None)
    safe.update({
        "__import__": guarded_import, "getattr": guarded_getattr, "hasattr": guarded_hasattr, "setattr": guarded_setattr,
        "delattr": guarded_delattr, "vars": guarded_vars, "compile": guarded_compile,
        "exec": guarded_run(exec, "exec"), "eval": guarded_run(eval, "eval"),
    })
    return safe

# Learner code reaches shared state only through imports: it gets copies of modules, but their classes
# and a few mutable objects are shared. After a run that imported anything, these are compared with
# how they were at start; a difference costs the worker.
_IMMUTABLE_TYPE = 1 << 8
_MUTABLE_CLASSES = []
for _name in sorted(_ALLOWED):
    for _value in vars(sys.modules[_name]).values():
        if isinstance(_value, type) and not (_value.__flags__ & _IMMUTABLE_TYPE) and all(_value is not _seen for _seen in _MUTABLE_CLASSES):
            _MUTABLE_CLASSES.append(_value)

def _fingerprint():
    marks = [tuple((key, id(value)) for key, value in cls.__dict__.items()) for cls in _MUTABLE_CLASSES]
    marks.append(repr(sys.modules["decimal"].DefaultContext))
    return hash(tuple(marks))

def _reset_after(names):
    if "random" in names:
        sys.modules["random"].seed()
    if "decimal" in names:
        sys.modules["decimal"].setcontext(sys.modules["decimal"].Context())

def _blocked(*args, **kwargs):
    raise PermissionError("processes are not available in exercises")

import os, posix
for _name in ["system", "popen", "execv", "execve", "execl", "execvp", "fork", "posix_spawn", "posix_spawnp", "kill", "spawnv", "spawnve"]:
    for _module in (os, posix):
        if hasattr(_module, _name):
            setattr(_module, _name, _blocked)
os.environ.clear()
_BRIDGES = ("js", "pyodide_js", "pyodide", "_pyodide", "_pyodide_core", "micropip", "ctypes", "_ctypes", "socket", "_socket", "select", "subprocess", "_posixsubprocess", "multiprocessing", "threading", "_thread", "signal")
for _name in list(sys.modules):
    if _name.split(".")[0] in _BRIDGES:
        sys.modules.pop(_name, None)

class _BridgeBlocker:
    """Refuses, for every importer, the modules that lead out of Python: the JavaScript bridge, processes, sockets."""
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.split(".")[0] in _BRIDGES:
            raise ImportError(f"import of '{name}' is not allowed in exercises")
        return None
sys.meta_path.insert(0, _BridgeBlocker)

_baseline = _fingerprint()

def _describe(error):
    try:
        text = str(error)
    except BaseException:
        text = ""
    name = type(error).__name__
    return (f"{name}: {text}" if text else name)[:300]

def _primer_run(code, tests_json, output_limit):
    tests = json.loads(tests_json)
    out = _Writer(output_limit)
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = out
    imported = set()
    namespace = {"__builtins__": _make_builtins(imported), "__name__": "__main__"}
    result = {"status": "ok", "error": None, "tests": []}
    def stop(kind):
        result["status"] = kind
    try:
        try:
            compiled = _checked_compile(code, "<your code>")
        except SyntaxError as error:
            result["status"] = "syntax-error"
            result["error"] = f"{type(error).__name__}: {error.msg} (line {error.lineno})"
            compiled = None
        except (PermissionError, RecursionError, MemoryError, ValueError) as error:
            result["error"] = _describe(error)
            compiled = None
        if compiled is not None:
            try:
                exec(compiled, namespace)
            except _OutputLimit:
                stop("output-limit")
            except MemoryError:
                stop("memory-limit")
            except KeyboardInterrupt:
                stop("time-limit")
            except BaseException as error:
                result["error"] = _describe(error)
        if out.exceeded:
            stop("output-limit")
        for test in tests:
            if result["status"] != "ok" or result["error"]:
                result["tests"].append({"name": test["name"], "passed": False, "error": "not run"})
                continue
            try:
                exec(compile(test["code"], "<test>", "exec"), namespace)
                result["tests"].append({"name": test["name"], "passed": True})
            except _OutputLimit:
                stop("output-limit")
                result["tests"].append({"name": test["name"], "passed": False, "error": "output limit"})
            except MemoryError:
                stop("memory-limit")
                result["tests"].append({"name": test["name"], "passed": False, "error": "memory limit"})
            except KeyboardInterrupt:
                stop("time-limit")
                result["tests"].append({"name": test["name"], "passed": False, "error": "time limit"})
            except AssertionError as error:
                result["tests"].append({"name": test["name"], "passed": False, "error": None})
            except BaseException as error:
                result["tests"].append({"name": test["name"], "passed": False, "error": _describe(error)})
    finally:
        sys.stdout, sys.stderr = saved
    result["output"] = "".join(out.parts)
    try:
        result["dirty"] = bool(imported) and _fingerprint() != _baseline
        _reset_after(imported)
    except BaseException:
        result["dirty"] = True
    return json.dumps(result)
`;
