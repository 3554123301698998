package dev.rapport.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads a manifest into Kubernetes' own object model (fabric8's classes, generated from the API's OpenAPI schema)
 * and fails on what the API server would refuse or silently drop: an unknown apiVersion/kind, an unknown field
 * anywhere (fabric8 keeps those aside instead of failing, so every object is searched for them), a scalar of the
 * wrong type, a quantity that does not parse.
 */
final class KubernetesSchema {
    private static final Map<String, Class<?>> TYPES = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);
    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    static {
        // "80" is not 80 to the API server: no scalar is converted into another type.
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            MAPPER.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    private KubernetesSchema() {
    }

    static boolean knows(String apiVersion, String kind) {
        return TYPES.containsKey(apiVersion + "/" + kind);
    }

    /** The object as its model class, or an AssertionError listing every problem found. */
    static <T> T read(Kustomization.Resource resource) {
        String what = resource.apiVersion() + " " + resource.kind() + " " + resource.name() + " (" + resource.file() + ")";
        Class<?> type = TYPES.get(resource.apiVersion() + "/" + resource.kind());
        if (type == null) {
            throw new AssertionError(what + ": not a kind these manifests may use: " + TYPES.keySet());
        }
        Object model;
        try {
            model = MAPPER.treeToValue(resource.object(), type);
        } catch (JsonMappingException e) {
            throw new AssertionError(what + ": " + e.getOriginalMessage() + " at " + e.getPathReference(), e);
        } catch (Exception e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        inspect(model, resource.kind(), problems);
        if (!problems.isEmpty()) {
            throw new AssertionError(what + ":\n  " + String.join("\n  ", problems));
        }
        @SuppressWarnings("unchecked")
        T typed = (T) model;
        return typed;
    }

    private static void inspect(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                inspect(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> inspect(v, path + "." + k, problems));
            return;
        }
        if (value instanceof Quantity quantity) {
            try {
                Quantity.getAmountInBytes(quantity);
            } catch (RuntimeException e) {
                problems.add(path + ": '" + quantity + "' is not a quantity");
            }
            return;
        }
        if (!value.getClass().getName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
            } else {
                inspect(child, path + "." + field, problems);
            }
        }
    }
}
