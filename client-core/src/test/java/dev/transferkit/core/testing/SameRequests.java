package dev.transferkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.transferkit.core.ApiCall;
import dev.transferkit.core.Json;
import dev.transferkit.core.RequestOptions;
import dev.transferkit.core.Timestamp;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Test helper: the generated implementation of a service interface ({@code <Api>Calls}) against Retrofit's
 * implementation of the same interface. Every operation is called through both with the same arguments (once with
 * every optional parameter set, once with them all null) and must put the same request on the wire (method, path and
 * query, headers, body bytes), decode the same success answer to an equal value, and fail on the same error answer
 * with the same exception and message.
 */
public final class SameRequests {
  private SameRequests() {}

  /** Awkward text for path and query values: a space, a slash, non-ASCII, URL delimiters and a percent sign. */
  static final String TEXT = "id 1/\u00e4?#&=%+";

  /**
   * Checks every operation of {@code api}; {@code models} supplies an instance of a model class (a request body or a
   * response), or null when there is none. Returns the number of operations checked.
   */
  public static int check(MockWebServer server, String prefix, Class<?> api, Function<Class<?>, Object> models,
      JsonAdapter.Factory... factories) throws Exception {
    Object retrofit = TestServices.bare(server, prefix, api, false, factories);
    Object direct = TestServices.bare(server, prefix, api, true, factories);
    Moshi moshi = Json.moshi(factories);
    int checked = 0;
    for (Method m : api.getMethods()) {
      Class<?>[] types = m.getParameterTypes();
      if (m.isDefault() || types.length == 0 || types[types.length - 1] != RequestOptions.class) {
        continue;
      }
      for (boolean optionals : new boolean[] {true, false}) {
        Object[] args = arguments(m, optionals, models);
        String what = m.getName() + (optionals ? " (all parameters)" : " (optional parameters null)");

        // an error answer: same request, same failure
        MockResponse error = new MockResponse().setResponseCode(404)
            .setHeader("Content-Type", "application/json").setBody("{\"code\":404,\"message\":\"Not found\"}");
        server.enqueue(error);
        Throwable e1 = failure(retrofit, m, args);
        RecordedRequest r1 = take(server, what);
        server.enqueue(error);
        Throwable e2 = failure(direct, m, args);
        RecordedRequest r2 = take(server, what);
        assertSameRequest(what, r1, r2);
        assertNotNull(e1, what + ": Retrofit's implementation did not fail on a 404");
        assertNotNull(e2, what + ": the generated implementation did not fail on a 404");
        assertEquals(e1.getClass(), e2.getClass(), what);
        assertEquals(e1.getMessage(), e2.getMessage(), what);

        // a success answer: the same decoded value
        Class<?> returned = responseType(m);
        Object example = returned == Void.class ? null : models.apply(returned);
        if (example != null) {
          @SuppressWarnings("unchecked")
          String json = ((JsonAdapter<Object>) moshi.adapter(returned)).toJson(example);
          MockResponse ok = new MockResponse().setHeader("Content-Type", "application/json").setBody(json);
          server.enqueue(ok);
          Object v1 = ((ApiCall<?>) m.invoke(retrofit, args)).execute();
          take(server, what);
          server.enqueue(ok);
          Object v2 = ((ApiCall<?>) m.invoke(direct, args)).execute();
          take(server, what);
          assertEquals(example, v1, what);
          assertEquals(v1, v2, what);
        }
      }
      checked++;
    }
    assertTrue(checked > 0, "no operations in " + api);
    return checked;
  }

  /**
   * Instances of the models of {@code modelPackage} decoded from the examples of the spec {@code specRelative}
   * (the first example of each schema), for {@link #check}.
   */
  public static Function<Class<?>, Object> examples(String specRelative, String modelPackage, Moshi moshi) {
    Map<Class<?>, Object> byType = new HashMap<>();
    for (SpecExamples.Example e : SpecExamples.of(SpecExamples.spec(specRelative))) {
      if (e.schema == null) {
        continue;
      }
      try {
        Class<?> type = Class.forName(modelPackage + "." + e.schema);
        if (!byType.containsKey(type)) {
          byType.put(type, moshi.adapter(type).fromJson(e.json));
        }
      } catch (ClassNotFoundException | java.io.IOException ex) {
        throw new IllegalStateException(e + ": " + ex, ex);
      }
    }
    return byType::get;
  }

  private static void assertSameRequest(String what, RecordedRequest a, RecordedRequest b) {
    assertEquals(a.getMethod(), b.getMethod(), what + ": method");
    assertEquals(a.getPath(), b.getPath(), what + ": path and query");
    assertEquals(a.getHeaders().toString(), b.getHeaders().toString(), what + ": headers");
    assertEquals(a.getBody().readUtf8(), b.getBody().readUtf8(), what + ": body");
  }

  private static RecordedRequest take(MockWebServer server, String what) throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(r, what + ": no request arrived");
    return r;
  }

  private static Throwable failure(Object service, Method m, Object[] args) throws Exception {
    try {
      ((ApiCall<?>) m.invoke(service, args)).execute();
      return null;
    } catch (InvocationTargetException e) {
      throw new AssertionError(m.getName() + ": building the call failed", e.getCause());
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static Class<?> responseType(Method m) {
    Type t = ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
    return t instanceof Class ? (Class<?>) t : (Class<?>) ((ParameterizedType) t).getRawType();
  }

  private static Object[] arguments(Method m, boolean optionals, Function<Class<?>, Object> models) {
    Class<?>[] types = m.getParameterTypes();
    Type[] generic = m.getGenericParameterTypes();
    Annotation[][] annotations = m.getParameterAnnotations();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      String kind = kind(annotations[i]);
      if (types[i] == RequestOptions.class) {
        args[i] = RequestOptions.defaults();
      } else if (kind.equals("Body")) {
        args[i] = models.apply(types[i]);
        assertNotNull(args[i], m.getName() + ": no example of " + types[i].getSimpleName());
      } else if (!optionals && (kind.equals("Query") || kind.equals("Header"))) {
        args[i] = null;
      } else {
        args[i] = sample(types[i], generic[i], kind);
      }
    }
    return args;
  }

  private static String kind(Annotation[] annotations) {
    for (Annotation a : annotations) {
      String name = a.annotationType().getSimpleName();
      if (name.equals("Path") || name.equals("Query") || name.equals("Header") || name.equals("Body")) {
        return name;
      }
    }
    return "";
  }

  private static Object sample(Class<?> type, Type generic, String kind) {
    if (type == String.class) {
      return kind.equals("Header") ? "header value 1" : TEXT;
    }
    if (type == Integer.class) {
      return 25;
    }
    if (type == Long.class) {
      return 1_234_567_890_123L;
    }
    if (type == Boolean.class) {
      return Boolean.TRUE;
    }
    if (type == BigDecimal.class) {
      return new BigDecimal("10.50");
    }
    if (type == Timestamp.class) {
      return Timestamp.parse("2026-01-02T03:04:05.123+01:00");
    }
    if (type == List.class) {
      Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
      Object one = sample((Class<?>) element, element, kind);
      return List.of(one, one);
    }
    try { // an open enum: its first known value
      return ((List<?>) type.getMethod("knownValues").invoke(null)).get(0);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("No sample for parameter type " + type, e);
    }
  }
}
