/**
 * A module-path user of the Circle client. {@code kotlin.stdlib} is required by name: OkHttp, Okio and Retrofit are
 * automatic modules (which cannot declare what they need), and the Kotlin standard library they run on is an explicit
 * module, which the module system adds only when some module requires it.
 */
module consumer.app {
  requires dev.transferkit.circle;
  requires kotlin.stdlib;
}
