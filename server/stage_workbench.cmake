# Copies the workbench sources (without node_modules and build output) into the build tree, where
# npm ci and the bundler run: the source tree is never written by a build.
#   cmake -DSOURCE=workbench -DDEST=dir -P stage_workbench.cmake
if(NOT SOURCE OR NOT DEST)
  message(FATAL_ERROR "stage_workbench.cmake needs SOURCE and DEST")
endif()
file(MAKE_DIRECTORY "${DEST}")
file(COPY "${SOURCE}/" DESTINATION "${DEST}"
     PATTERN "node_modules" EXCLUDE
     PATTERN "dist" EXCLUDE)
