package dev.rapport.script.expressions;

import java.time.Duration;

/**
 * What one evaluation may spend: nodes and function calls visited ({@code maxSteps}), wall-clock time, the length of
 * any string it creates, the items of any list it creates (counting the items of nested lists), and an estimate of
 * the bytes it allocates in all. Exceeding any of them throws an {@link ExpressionException} starting with
 * {@code "budget exceeded: "}, inside the call that would exceed it.
 */
public record ExpressionBudget(int maxSteps, Duration maxDuration, int maxStringLength, int maxListItems,
        long maxAllocatedBytes) {
    public static final ExpressionBudget DEFAULT = new ExpressionBudget(100_000, Duration.ofMillis(250), 100_000, 10_000,
            8_000_000L);

    public ExpressionBudget {
        if (maxSteps <= 0 || maxStringLength <= 0 || maxListItems <= 0 || maxAllocatedBytes <= 0
                || maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("every expression budget must be positive");
        }
    }

    public ExpressionBudget withMaxSteps(int steps) {
        return new ExpressionBudget(steps, maxDuration, maxStringLength, maxListItems, maxAllocatedBytes);
    }

    public ExpressionBudget withMaxDuration(Duration duration) {
        return new ExpressionBudget(maxSteps, duration, maxStringLength, maxListItems, maxAllocatedBytes);
    }

    public ExpressionBudget withMaxStringLength(int length) {
        return new ExpressionBudget(maxSteps, maxDuration, length, maxListItems, maxAllocatedBytes);
    }

    public ExpressionBudget withMaxListItems(int items) {
        return new ExpressionBudget(maxSteps, maxDuration, maxStringLength, items, maxAllocatedBytes);
    }

    public ExpressionBudget withMaxAllocatedBytes(long bytes) {
        return new ExpressionBudget(maxSteps, maxDuration, maxStringLength, maxListItems, bytes);
    }
}
