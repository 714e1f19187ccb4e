package dev.transferkit.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured mutations of a documented payload: the fuzzer's bytes choose containers, members and
 * replacement values (odd numbers, wrong types, nulls, removals, unknown members, deep nesting,
 * values moved between fields).
 */
final class Mutator {
  private Mutator() {}

  static byte[] mutate(byte[] seed, FuzzedDataProvider data) {
    Object tree = JsonTree.parse(seed);
    int rounds = data.consumeInt(1, 4);
    for (int i = 0; i < rounds && data.remainingBytes() > 0; i++) {
      tree = mutateOnce(tree, data);
    }
    return JsonTree.write(tree);
  }

  @SuppressWarnings("unchecked")
  private static Object mutateOnce(Object root, FuzzedDataProvider data) {
    List<Object> containers = new ArrayList<>();
    List<Object> leaves = new ArrayList<>();
    collect(root, containers, leaves);
    if (containers.isEmpty() || data.consumeInt(0, 15) == 0) {
      return value(data, leaves); // replace the whole document
    }
    Object container = containers.get(data.consumeInt(0, containers.size() - 1));
    int op = data.consumeInt(0, 3);
    if (container instanceof Map) {
      Map<String, Object> map = (Map<String, Object>) container;
      List<String> keys = new ArrayList<>(map.keySet());
      if (keys.isEmpty() || op == 0) {
        map.put(
            op == 0 && !keys.isEmpty() && data.consumeBoolean()
                ? keys.get(0) + data.consumeString(3)
                : data.consumeString(12),
            value(data, leaves));
      } else {
        String key = keys.get(data.consumeInt(0, keys.size() - 1));
        if (op == 1) {
          map.remove(key);
        } else {
          map.put(key, value(data, leaves));
        }
      }
    } else {
      List<Object> list = (List<Object>) container;
      if (list.isEmpty() || op == 0) {
        list.add(value(data, leaves));
      } else if (op == 1) {
        list.remove(data.consumeInt(0, list.size() - 1));
      } else {
        list.set(data.consumeInt(0, list.size() - 1), value(data, leaves));
      }
    }
    return root;
  }

  private static void collect(Object node, List<Object> containers, List<Object> leaves) {
    if (node instanceof Map) {
      containers.add(node);
      for (Object v : ((Map<?, ?>) node).values()) {
        collect(v, containers, leaves);
      }
    } else if (node instanceof List) {
      containers.add(node);
      for (Object v : (List<?>) node) {
        collect(v, containers, leaves);
      }
    } else {
      leaves.add(node);
    }
  }

  private static Object value(FuzzedDataProvider data, List<Object> leaves) {
    switch (data.consumeInt(0, 9)) {
      case 0:
        return data.consumeString(40);
      case 1:
        return new JsonTree.RawNumber(number(data));
      case 2:
        return number(data); // a number in a string, as string-encoded amounts are sent
      case 3:
        return null;
      case 4:
        return data.consumeBoolean();
      case 5:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          if (data.consumeBoolean()) {
            map.put(
                data.consumeString(8),
                leaves.isEmpty() ? null : leaves.get(data.consumeInt(0, leaves.size() - 1)));
          }
          return map;
        }
      case 6:
        {
          List<Object> list = new ArrayList<>();
          if (data.consumeBoolean()) {
            list.add(leaves.isEmpty() ? null : leaves.get(data.consumeInt(0, leaves.size() - 1)));
          }
          return list;
        }
      case 7:
        {
          Object nested = data.consumeBoolean() ? "x" : new JsonTree.RawNumber("1");
          int depth = data.consumeInt(1, 300);
          for (int i = 0; i < depth; i++) {
            if (data.consumeBoolean()) {
              List<Object> list = new ArrayList<>();
              list.add(nested);
              nested = list;
            } else {
              Map<String, Object> map = new LinkedHashMap<>();
              map.put("a", nested);
              nested = map;
            }
          }
          return nested;
        }
      case 8:
        return leaves.isEmpty()
            ? null
            : leaves.get(data.consumeInt(0, leaves.size() - 1)); // value of another field
      default:
        return data.consumeString(1000); // long text
    }
  }

  /** Number-like text: ordinary, huge, tiny, exponent extremes, signed zeros, or arbitrary. */
  static String number(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 9)) {
      case 0:
        return Long.toString(data.consumeLong());
      case 1:
        return Double.toString(data.consumeDouble());
      case 2:
        return data.consumeLong(0, Long.MAX_VALUE) + "." + data.consumeLong(0, Long.MAX_VALUE);
      case 3:
        return "1e" + data.consumeInt();
      case 4:
        return (data.consumeBoolean() ? "-" : "")
            + data.consumeInt(0, 9)
            + "."
            + data.consumeInt(0, 99)
            + "E"
            + (data.consumeBoolean() ? "+" : "-")
            + data.consumeInt(0, 100_000);
      case 5:
        return data.pickValue(
            new String[] {
              "-0",
              "0",
              "0.0",
              "-0.00",
              "0E-18",
              "1E+3",
              "-1e-7",
              "00",
              "01",
              ".5",
              "5.",
              "+1",
              "1e",
              "NaN",
              "Infinity",
              "-Infinity",
              "0x10",
              "9223372036854775808",
              "-9223372036854775809",
              "2147483648"
            });
      case 6:
        {
          StringBuilder sb = new StringBuilder(data.consumeBoolean() ? "-" : "");
          int n = data.consumeInt(1, 600);
          for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + (i * 7 + n) % 10));
          }
          return sb.toString();
        }
      default:
        return data.consumeAsciiString(24);
    }
  }
}
