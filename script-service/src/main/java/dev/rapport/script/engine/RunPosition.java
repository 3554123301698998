package dev.rapport.script.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a suspended custom-action run stands: a stack of frames, each a block of steps located by its path from a
 * custom action's top-level steps and the index of the next step to run. Plain values only, so it serializes to JSON
 * and a run can resume in another process against the same pinned script version.
 */
public record RunPosition(String runId, String action, List<Frame> frames) {
    public RunPosition {
        frames = List.copyOf(frames);
    }

    /** {@code path} descends from {@code action}'s steps: step {@code step}'s block {@code block}. */
    public record Frame(String action, List<Branch> path, int next) {
        public Frame {
            path = List.copyOf(path);
        }

        Frame advance() {
            return new Frame(action, path, next + 1);
        }

        Frame child(int step, String block) {
            List<Branch> p = new ArrayList<>(path);
            p.add(new Branch(step, block));
            return new Frame(action, p, 0);
        }

        String describe() {
            StringBuilder out = new StringBuilder(action);
            for (Branch b : path) {
                out.append(" / ").append(b.step() + 1).append('.').append(b.block());
            }
            return out.toString();
        }
    }

    /** Blocks: then, else, try, onError, onSuccess, onFailure. */
    public record Branch(int step, String block) {
    }
}
