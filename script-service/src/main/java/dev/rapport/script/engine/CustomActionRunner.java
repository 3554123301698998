package dev.rapport.script.engine;

import dev.rapport.script.engine.RunPosition.Frame;
import dev.rapport.script.engine.RunResult.DataActionRequest;
import dev.rapport.script.engine.RunResult.Effect;
import dev.rapport.script.engine.RunResult.StepRecord;
import dev.rapport.script.expressions.ExpressionException;
import dev.rapport.script.model.CustomAction;
import dev.rapport.script.model.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs custom actions step by step over an explicit stack of frames (never the Java stack), so a run can stop at an
 * Execute Data Action, an interaction action or a Delay step and continue later from its {@link RunPosition}.
 */
final class CustomActionRunner {
    static final int MAX_STEPS_PER_CALL = 10_000;
    static final int MAX_FRAMES = 64;

    private final SessionModel session;
    private final String runId;
    private final String action;
    private final List<Frame> frames;
    private final List<StepRecord> steps = new ArrayList<>();
    private final List<Effect> effects = new ArrayList<>();
    private final StepEffects stepEffects;

    CustomActionRunner(SessionModel session, String runId, String action, List<Frame> frames) {
        this.session = session;
        this.runId = runId;
        this.action = action;
        this.frames = new ArrayList<>(frames);
        this.stepEffects = new StepEffects(session, effects);
    }

    static CustomActionRunner start(SessionModel session, String runId, String action) {
        requireAction(session, action);
        return new CustomActionRunner(session, runId, action, List.of(new Frame(action, List.of(), 0)));
    }

    /**
     * Continues a suspended run with the outcome of what it waited for. An interaction action that failed (or got no
     * answer) fails the run, to the nearest try/on-error; a data action's failure goes on as in Scripter.
     */
    RunResult resume(ActionOutcome outcome) {
        Frame top = frames.get(frames.size() - 1);
        int index = top.next() - 1;
        Step waiting = block(top).get(index);
        String where = top.describe() + " / " + (index + 1);
        if (InteractionSteps.asksTheInteraction(waiting) || waiting instanceof Step.Delay) {
            if (!outcome.success()) {
                return failOrRecover(where, typeOf(waiting) + " failed: " + outcome.error());
            }
            steps.add(new StepRecord(where, typeOf(waiting), "done"));
            return run();
        }
        if (!(waiting instanceof Step.ExecuteDataAction call)) {
            throw new ScriptEngineException("run " + runId + " is not waiting for a data action");
        }
        if (outcome.success()) {
            try {
                for (Map.Entry<String, String> out : call.outputs().entrySet()) {
                    session.set(out.getValue(), outcome.outputs().get(out.getKey()));
                }
            } catch (ScriptEngineException e) {
                return failOrRecover(where, "output mapping failed: " + e.getMessage());
            }
            steps.add(new StepRecord(where, "executeDataAction", "succeeded"));
            if (!call.onSuccess().isEmpty()) {
                push(top.child(index, "onSuccess"));
            }
        } else {
            steps.add(new StepRecord(where, "executeDataAction", "failed: " + outcome.error()));
            if (!call.onFailure().isEmpty()) {
                push(top.child(index, "onFailure"));
            } else if (insideTry()) {
                return failOrRecover(where, "data action " + call.dataActionId() + " failed: " + outcome.error());
            }
            // Otherwise, as in Scripter, the run goes on with the next step and the outputs stay unset: the
            // workshop's If/Else on successresponse then shows "Failed to Update Case".
        }
        return run();
    }

    RunResult run() {
        int budget = MAX_STEPS_PER_CALL;
        while (!frames.isEmpty()) {
            Frame top = frames.get(frames.size() - 1);
            List<Step> block = block(top);
            if (top.next() >= block.size()) {
                frames.remove(frames.size() - 1);
                continue;
            }
            if (--budget < 0) {
                return finish(RunResult.Status.FAILED, null, "the action ran more than " + MAX_STEPS_PER_CALL + " steps");
            }
            int index = top.next();
            frames.set(frames.size() - 1, top.advance());
            Step step = block.get(index);
            String where = top.describe() + " / " + (index + 1);
            try {
                RunResult suspended = execute(step, top, index, where);
                if (suspended != null) {
                    return suspended;
                }
            } catch (ExpressionException | ScriptEngineException e) {
                return failOrRecover(where, e.getMessage());
            }
        }
        return finish(RunResult.Status.COMPLETED, null, null);
    }

    private RunResult execute(Step step, Frame top, int index, String where) {
        if (step instanceof Step.ExecuteDataAction call) {
            Map<String, String> inputs = new LinkedHashMap<>();
            call.inputs().forEach((field, text) -> inputs.put(field, session.interpolate(text)));
            steps.add(new StepRecord(where, "executeDataAction", "waiting for " + call.dataActionId()));
            session.runs().put(runId, new RunPosition(runId, action, frames));
            return finish(RunResult.Status.SUSPENDED, new DataActionRequest(runId, call.dataActionId(), inputs), null);
        } else if (InteractionSteps.asksTheInteraction(step)) {
            InteractionAction ask = InteractionSteps.action(session, step, Instant.now());
            steps.add(new StepRecord(where, typeOf(step), "waiting for " + ask.describe()));
            session.runs().put(runId, new RunPosition(runId, action, frames));
            return finish(RunResult.Status.SUSPENDED, new RunResult.InteractionRequest(runId, ask), null);
        } else if (step instanceof Step.Delay delay) {
            int seconds = InteractionSteps.delaySeconds(delay);
            steps.add(new StepRecord(where, "delay", "waiting " + seconds + " s"));
            session.runs().put(runId, new RunPosition(runId, action, frames));
            return finish(RunResult.Status.SUSPENDED, new RunResult.DelayRequest(runId, seconds), null);
        } else if (step instanceof Step.IfElse c) {
            boolean holds = Conditions.holds(session, c);
            steps.add(new StepRecord(where, "ifElse", holds ? "then" : "else"));
            List<Step> branch = holds ? c.then() : c.otherwise();
            if (!branch.isEmpty()) {
                push(top.child(index, holds ? "then" : "else"));
            }
        } else if (step instanceof Step.TryOnError) {
            steps.add(new StepRecord(where, "tryOnError", "try"));
            push(top.child(index, "try"));
        } else if (step instanceof Step.RunCustomAction r) {
            requireAction(session, r.action());
            steps.add(new StepRecord(where, "runCustomAction", r.action()));
            push(new Frame(r.action(), List.of(), 0));
        } else if (step instanceof Step.ChangePage p) {
            String detail = stepEffects.changePage(p.pageId());
            steps.add(new StepRecord(where, "changePage", detail));
            session.script().version().definition().page(p.pageId())
                    .filter(page -> page.onLoad() != null && !page.onLoad().isBlank())
                    .ifPresent(page -> push(new Frame(page.onLoad(), List.of(), 0)));
        } else {
            steps.add(new StepRecord(where, typeOf(step), stepEffects.apply(step)));
        }
        return null;
    }

    private boolean insideTry() {
        return frames.stream().anyMatch(f -> f.path().stream().anyMatch(b -> b.block().equals("try")));
    }

    /** Unwinds to the nearest enclosing try block and continues in its on-error steps; fails the run if none. */
    private RunResult failOrRecover(String where, String message) {
        steps.add(new StepRecord(where, "error", message));
        while (!frames.isEmpty()) {
            Frame frame = frames.remove(frames.size() - 1);
            List<RunPosition.Branch> path = frame.path();
            if (!path.isEmpty() && path.get(path.size() - 1).block().equals("try")) {
                RunPosition.Branch tryBranch = path.get(path.size() - 1);
                Frame parent = new Frame(frame.action(), path.subList(0, path.size() - 1), 0);
                push(parent.child(tryBranch.step(), "onError"));
                return run();
            }
        }
        return finish(RunResult.Status.FAILED, null, message);
    }

    private void push(Frame frame) {
        if (frames.size() >= MAX_FRAMES) {
            throw new ScriptEngineException("custom actions are nested deeper than " + MAX_FRAMES + " levels");
        }
        frames.add(frame);
    }

    private RunResult finish(RunResult.Status status, RunResult.Awaiting pending, String error) {
        if (status != RunResult.Status.SUSPENDED) {
            session.runs().remove(runId);
        }
        return new RunResult(runId, action, status, List.copyOf(steps), List.copyOf(effects), pending, error);
    }

    private List<Step> block(Frame frame) {
        List<Step> block = requireAction(session, frame.action()).steps();
        for (RunPosition.Branch b : frame.path()) {
            Step step = block.get(b.step());
            if (step instanceof Step.IfElse c) {
                block = b.block().equals("then") ? c.then() : c.otherwise();
            } else if (step instanceof Step.TryOnError t) {
                block = b.block().equals("try") ? t.steps() : t.onError();
            } else if (step instanceof Step.ExecuteDataAction d) {
                block = b.block().equals("onSuccess") ? d.onSuccess() : d.onFailure();
            } else {
                throw new ScriptEngineException("run position does not match the script at " + frame.describe());
            }
        }
        return block;
    }

    static CustomAction requireAction(SessionModel session, String name) {
        return session.script().version().definition().customAction(name)
                .orElseThrow(() -> new ScriptEngineException("unknown custom action '" + name + "'"));
    }

    private static String typeOf(Step step) {
        String simple = step.getClass().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }
}
