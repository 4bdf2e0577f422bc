"""Peer side of bench/network.bench.ts: python-igraph (C core) on the graph the bench wrote.

Usage: igraph-peer.py <task> <edges.txt> <out.json> [runs] [leiden iterations, -1 = until stable]
  edges.txt: first line "n", then one "u v" pair per line (undirected).
  task: betweenness | leiden. Times only the computation (graph loading excluded), as the median
  of `runs` runs after one warm-up; peak RSS of this process is reported too.
"""
import json
import random
import resource
import statistics
import sys
import time

import igraph


def load(path):
    with open(path) as f:
        n = int(f.readline())
        edges = [tuple(map(int, line.split())) for line in f]
    return igraph.Graph(n=n, edges=edges, directed=False)


def main():
    task, edge_path, out_path = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    iterations = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    g = load(edge_path)
    timings = []
    cpu = []
    result = {}
    for run in range(runs + (1 if runs > 1 else 0)):
        random.seed(1)
        start = time.perf_counter()
        cpu_start = time.process_time()
        if task == "betweenness":
            values = g.betweenness(directed=False)
        elif task == "leiden":
            clustering = g.community_leiden(objective_function="modularity", n_iterations=iterations)
        else:
            raise SystemExit("unknown task " + task)
        ms = (time.perf_counter() - start) * 1000
        cpu_ms = (time.process_time() - cpu_start) * 1000
        if runs == 1 or run > 0:
            timings.append(ms)
            cpu.append(cpu_ms)
    if task == "betweenness":
        result["values"] = values
    else:
        result["membership"] = clustering.membership
        result["modularity"] = g.modularity(clustering.membership)
    result["ms"] = statistics.median(timings)
    result["runs_ms"] = timings
    result["cpu_ms"] = statistics.median(cpu)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["igraph"] = igraph.__version__
    with open(out_path, "w") as f:
        json.dump(result, f)


main()
