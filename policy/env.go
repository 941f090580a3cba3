package policy

import (
	"fmt"
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/ext"
)

// Limits on conditions. A condition is a short test written by a person; these bound what a
// hostile or mistaken pack can cost at load (parsing) and per payment (evaluation).
const (
	maxConditionBytes = 8192
	maxConditionCost  = 100_000 // CEL cost units; the bundled pack's conditions cost under 500
)

// envs holds the two CEL environments: hit licences see payment, party and hit; payment
// licences see payment alone, so that a payment licence that speaks of a hit is an error
// at load rather than a condition that is silently always false.
type envs struct {
	hit, payment *cel.Env
}

func newEnvs() (*envs, error) {
	base := []cel.EnvOption{
		cel.Types(
			types.NativeTypeFor[payment](types.ParseStructTags(true)),
			types.NativeTypeFor[party](types.ParseStructTags(true)),
			types.NativeTypeFor[hit](types.ParseStructTags(true)),
		),
		ext.Strings(),
		cel.ParserExpressionSizeLimit(maxConditionBytes),
		cel.Function("mentions",
			cel.Overload("mentions_list_list",
				[]*cel.Type{cel.ListType(cel.StringType), cel.ListType(cel.StringType)}, cel.BoolType,
				cel.BinaryBinding(mentionsBinding)),
			cel.Overload("mentions_string_list",
				[]*cel.Type{cel.StringType, cel.ListType(cel.StringType)}, cel.BoolType,
				cel.BinaryBinding(mentionsBinding)),
		),
		cel.Variable("payment", cel.ObjectType("policy.payment")),
	}
	pay, err := cel.NewEnv(base...)
	if err != nil {
		return nil, err
	}
	h, err := pay.Extend(
		cel.Variable("party", cel.ObjectType("policy.party")),
		cel.Variable("hit", cel.ObjectType("policy.hit")),
	)
	if err != nil {
		return nil, err
	}
	return &envs{hit: h, payment: pay}, nil
}

// mentionsBinding walks CEL's values in place rather than copying them to Go slices: it runs
// for most licences of every hit, and the phrase lists are long.
func mentionsBinding(lhs, rhs ref.Val) ref.Val {
	phrases, ok := rhs.(traits.Lister)
	if !ok {
		return types.NewErr("mentions: want a list of strings, not %s", rhs.Type())
	}
	if s, ok := lhs.(types.String); ok {
		return mentionsIn(string(s), phrases)
	}
	texts, ok := lhs.(traits.Lister)
	if !ok {
		return types.NewErr("mentions: want a string or a list of strings, not %s", lhs.Type())
	}
	it := texts.Iterator()
	for it.HasNext() == types.True {
		s, ok := it.Next().(types.String)
		if !ok {
			return types.NewErr("mentions: want a list of strings")
		}
		if found := mentionsIn(string(s), phrases); found != types.False {
			return found
		}
	}
	return types.False
}

func mentionsIn(text string, phrases traits.Lister) ref.Val {
	hay := wordsOf(text)
	it := phrases.Iterator()
	for it.HasNext() == types.True {
		p, ok := it.Next().(types.String)
		if !ok {
			return types.NewErr("mentions: want a list of strings")
		}
		if hasPhrase(hay, string(p)) {
			return types.True
		}
	}
	return types.False
}

// program is a licence's condition, compiled and checked.
type program struct {
	prg cel.Program
}

// compile parses and type-checks a condition in env and requires a bool result.
func compile(env *cel.Env, src string) (program, error) {
	ast, iss := env.Compile(src)
	if iss != nil && iss.Err() != nil {
		return program{}, iss.Err()
	}
	if !ast.OutputType().IsExactType(cel.BoolType) {
		return program{}, fmt.Errorf("the condition yields %s, want bool", ast.OutputType())
	}
	prg, err := env.Program(ast, cel.CostLimit(maxConditionCost), cel.EvalOptions(cel.OptOptimize))
	if err != nil {
		return program{}, err
	}
	return program{prg: prg}, nil
}

// eval runs a condition. An error (the cost limit, a map key that is absent) is returned,
// never taken for true or false: the caller decides what an error means.
func (p program) eval(vars any) (bool, error) {
	out, _, err := p.prg.Eval(vars)
	if err != nil {
		return false, err
	}
	b, ok := out.Value().(bool)
	if !ok {
		return false, fmt.Errorf("the condition yielded %v, want bool", reflect.TypeOf(out.Value()))
	}
	return b, nil
}
