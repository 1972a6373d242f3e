# bash completion for tokcheck (installed to share/bash-completion/completions).
_tokcheck() {
  local cur prev words cword
  _init_completion 2>/dev/null || { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; }
  local commands="inspect build verify conformance serve simulate diagnose"
  local sub="" w
  for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case $w in inspect|build|verify|conformance|serve|simulate|diagnose) sub=$w; break ;; esac
  done
  case $prev in
    --input|--json|--secret-file|--report|--allowlist|--vectors)
      [ "$prev" = --json ] && [ "$sub" != build ] && [ "$sub" != verify ] && [ "$sub" != simulate ] && return
      COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --scheme) COMPREPLY=($(compgen -W "agora-006 agora-007 zego-04 zego-03 volc-001 tencent-usersig" -- "$cur")); return ;;
    --vendor) COMPREPLY=($(compgen -W "agora zego volc volcengine bytedance miniprogram tencent rongcloud" -- "$cur")); return ;;
    --base64) COMPREPLY=($(compgen -W "strict lenient" -- "$cur")); return ;;
    --certificate) COMPREPLY=($(compgen -W "on off" -- "$cur")); return ;;
    --secret-env) COMPREPLY=($(compgen -e -- "$cur")); return ;;
  esac
  local opts
  case $sub in
    "") opts="$commands --help --version -V" ;;
    inspect) opts="--scheme --secret --secret-file --secret-env --base64 --now --json --help" ;;
    build) opts="--input --json --secret-file --secret-env --now --help" ;;
    verify) opts="--input --json --secret-file --secret-env --now --help" ;;
    simulate) opts="--input --json --text --compare --vectors --help" ;;
    diagnose) opts="--vendor --platform --code --token --scheme --app-id --channel --uid --secret --secret-file --secret-env --certificate --now --json --help" ;;
    conformance) opts="--impl --vectors --scheme --operation --allowlist --report --timeout-ms --strict --allow-unsupported --verbose --help" ;;
    serve) opts="--help" ;;
  esac
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -F _tokcheck tokcheck
