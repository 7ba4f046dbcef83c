/**
 * The shared kernel: typed ids, the signed-in {@link io.bedside.shared.Actor}, and the exceptions
 * that every module throws and the web layer turns into problem answers.
 */
// The kernel every module uses depends on none of them.
@ApplicationModule(displayName = "Shared kernel", allowedDependencies = {})
package io.bedside.shared;

import org.springframework.modulith.ApplicationModule;
