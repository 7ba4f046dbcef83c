/**
 * The shared kernel: typed ids, the signed-in {@link io.bedside.shared.Actor}, and the exceptions
 * that every module throws and the web layer turns into problem answers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package io.bedside.shared;
