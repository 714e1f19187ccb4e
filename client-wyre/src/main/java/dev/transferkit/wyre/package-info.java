/**
 * The client facade for this provider and what it needs beside the generated services. Non-null
 * unless marked {@code @Nullable}.
 */
@NullMarked
package dev.transferkit.wyre;

import org.jspecify.annotations.NullMarked;
