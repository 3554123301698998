package dev.rapport.script.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who reads whom: dynamic variables read variables, components' visible/enabled expressions read variables.
 * Changing a set of variables recomputes exactly the dynamic variables downstream of them, in dependency order, and
 * the components that read any of those.
 */
public final class DependencyGraph {
    private final Map<String, Set<String>> readsOfDynamic;
    private final Map<String, Set<String>> readersOf = new HashMap<>();
    private final Map<String, Set<String>> componentsReading = new HashMap<>();
    private final List<String> order;

    /** @param dynamicReads each dynamic variable and the variables its expression reads */
    public DependencyGraph(Map<String, Set<String>> dynamicReads, Map<String, Set<String>> componentReads) {
        this.readsOfDynamic = new LinkedHashMap<>(dynamicReads);
        dynamicReads.forEach((dyn, reads) -> reads.forEach(r -> readersOf.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(dyn)));
        componentReads.forEach((c, reads) -> reads.forEach(r -> componentsReading.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(c)));
        this.order = topologicalOrder();
    }

    /** Every dynamic variable in an order where each comes after those it reads; cyclic ones are left out. */
    public List<String> evaluationOrder() {
        return order;
    }

    /** The dynamic variables that read {@code changed}, directly or through others, in evaluation order. */
    public List<String> dynamicDependents(Collection<String> changed) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(changed);
        while (!todo.isEmpty()) {
            for (String reader : readersOf.getOrDefault(todo.pop(), Set.of())) {
                if (reached.add(reader)) {
                    todo.push(reader);
                }
            }
        }
        return order.stream().filter(reached::contains).toList();
    }

    public Set<String> componentsReading(Collection<String> variables) {
        Set<String> out = new LinkedHashSet<>();
        variables.forEach(v -> out.addAll(componentsReading.getOrDefault(v, Set.of())));
        return out;
    }

    /** Each cycle among dynamic variables, as the list of names around it. */
    public List<List<String>> cycles() {
        List<List<String>> cycles = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : readsOfDynamic.keySet()) {
            findCycle(start, new ArrayList<>(), new HashSet<>(), done, cycles);
        }
        return cycles;
    }

    private void findCycle(String node, List<String> path, Set<String> onPath, Set<String> done, List<List<String>> cycles) {
        if (onPath.contains(node)) {
            cycles.add(List.copyOf(path.subList(path.indexOf(node), path.size())));
            return;
        }
        if (!readsOfDynamic.containsKey(node) || !done.add(node)) {
            return;
        }
        path.add(node);
        onPath.add(node);
        for (String read : readsOfDynamic.get(node)) {
            findCycle(read, path, onPath, done, cycles);
        }
        onPath.remove(node);
        path.remove(path.size() - 1);
    }

    private List<String> topologicalOrder() {
        Map<String, Integer> pending = new LinkedHashMap<>();
        readsOfDynamic.forEach((dyn, reads) -> pending.put(dyn, (int) reads.stream().filter(readsOfDynamic::containsKey).count()));
        Deque<String> ready = new ArrayDeque<>();
        pending.forEach((dyn, n) -> {
            if (n == 0) {
                ready.add(dyn);
            }
        });
        List<String> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            String dyn = ready.poll();
            out.add(dyn);
            for (String reader : readersOf.getOrDefault(dyn, Set.of())) {
                if (pending.merge(reader, -1, Integer::sum) == 0) {
                    ready.add(reader);
                }
            }
        }
        return List.copyOf(out);
    }
}
