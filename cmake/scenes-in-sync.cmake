# SPDX-License-Identifier: MIT
# Rebuilds each scenes/NAME.scn from scenes/NAME.json and fails if the bytes differ.
# cmake -DTOOL=<aleph-scene> -DSRC=<source dir> -DOUT=<work dir> -P scenes-in-sync.cmake
file(GLOB sources ${SRC}/scenes/*.json)
file(MAKE_DIRECTORY ${OUT})
set(n 0)
foreach(json ${sources})
  get_filename_component(name ${json} NAME_WE)
  execute_process(COMMAND ${TOOL} from-json ${json} -o ${OUT}/${name}.scn
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${json}: aleph-scene from-json failed: ${err}")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}/${name}.scn
                          ${SRC}/scenes/${name}.scn RESULT_VARIABLE same)
  if(NOT same EQUAL 0)
    message(FATAL_ERROR "scenes/${name}.scn is not what scenes/${name}.json builds: rebuild it")
  endif()
  math(EXPR n "${n} + 1")
endforeach()
if(n EQUAL 0)
  message(FATAL_ERROR "no scenes/*.json found")
endif()
message(STATUS "${n} example scenes match their JSON sources")
