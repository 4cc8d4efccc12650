"""Reaches written to slip past a name-by-name reading: literal getattr, namespaces, aliases."""
import builtins
import gc
import importlib
import operator
import os
import sys


def sneak(part: str) -> object:
    getattr(sys, "modules")["unittest"].TestCase = None
    getattr(os, "_exit")(0)
    operator.attrgetter("_get" + part)(sys)
    operator.methodcaller("get_" + part)(gc)
    builtins.__dict__["ex" + part]("1")
    vars(builtins)["ev" + part]("1")
    fetch = getattr
    importlib.import_module("gc").get_objects()
    __import__("gc").get_objects()
    return object.__getattribute__(sys, part), fetch
